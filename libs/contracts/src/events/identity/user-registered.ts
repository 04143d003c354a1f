import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** A person signed up; they start as a buyer with an unverified email address. */
export const userRegistered = defineEvent({
  type: 'marketplace.identity.UserRegistered.v1',
  topic: TOPICS.identityUser,
  description: 'A person signed up; they start as a buyer with an unverified email address.',
  aggregateId: 'userId',
  schema: z.strictObject({
    userId: uuid,
    email: z.email(),
    displayName: z.string().min(1).max(200),
    registeredAt: timestamp,
  }),
});

export type UserRegistered = z.infer<typeof userRegistered.schema>;
