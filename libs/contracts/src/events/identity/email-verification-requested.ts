import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** A verification email is due. The secret token stays in identity; the event names the request only. */
export const emailVerificationRequested = defineEvent({
  type: 'marketplace.identity.EmailVerificationRequested.v1',
  topic: TOPICS.identityUser,
  description: 'A verification email is due. The secret token stays in identity; the event names the request only.',
  aggregateId: 'userId',
  schema: z.strictObject({
    userId: uuid,
    verificationId: uuid,
    email: z.email(),
    requestedAt: timestamp,
    expiresAt: timestamp,
  }),
});

export type EmailVerificationRequested = z.infer<typeof emailVerificationRequested.schema>;
