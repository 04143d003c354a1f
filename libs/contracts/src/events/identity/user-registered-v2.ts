import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';
import { localeTag, phoneNumber, userDisplayName } from './user-profile-fields';

/**
 * v2 of UserRegistered: with the user's locale and phone number, so that notifications can write to
 * them in their language and by SMS. v1 is read as v2 with locale `en` and no phone; superseded by v3.
 */
export const userRegisteredV2 = defineEvent({
  type: 'marketplace.identity.UserRegistered.v2',
  topic: TOPICS.identityUser,
  description: 'A person signed up; they start as a buyer with an unverified email address, in their locale, with their phone number if they gave one.',
  aggregateId: 'userId',
  schema: z.strictObject({
    userId: uuid,
    email: z.email(),
    displayName: userDisplayName,
    locale: localeTag,
    phone: phoneNumber.nullable().describe('E.164 phone number, or null when the user gave none'),
    registeredAt: timestamp,
  }),
});

export type UserRegisteredV2 = z.infer<typeof userRegisteredV2.schema>;
