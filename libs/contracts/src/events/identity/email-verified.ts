import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** The user proved they own the email address. */
export const emailVerified = defineEvent({
  type: 'marketplace.identity.EmailVerified.v1',
  topic: TOPICS.identityUser,
  description: 'The user proved they own the email address.',
  aggregateId: 'userId',
  schema: z.strictObject({
    userId: uuid,
    email: z.email(),
    verifiedAt: timestamp,
  }),
});

export type EmailVerified = z.infer<typeof emailVerified.schema>;
