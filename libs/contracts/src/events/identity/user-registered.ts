import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';
import { userDisplayName } from './user-profile-fields';

/** v1 of UserRegistered (no locale, no phone); superseded by v2, still readable. */
export const userRegistered = defineEvent({
  type: 'marketplace.identity.UserRegistered.v1',
  topic: TOPICS.identityUser,
  description: 'A person signed up; they start as a buyer with an unverified email address.',
  aggregateId: 'userId',
  schema: z.strictObject({
    userId: uuid,
    email: z.email(),
    displayName: userDisplayName,
    registeredAt: timestamp,
  }),
});

export type UserRegisteredV1 = z.infer<typeof userRegistered.schema>;
