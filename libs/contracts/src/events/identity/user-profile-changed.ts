import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';
import { localeTag, phoneNumber, userDisplayName } from './user-profile-fields';

/** The user changed their profile; the event carries the whole profile as it now is, not only what changed. */
export const userProfileChanged = defineEvent({
  type: 'marketplace.identity.UserProfileChanged.v1',
  topic: TOPICS.identityUser,
  description: 'The user changed their display name, phone number or locale; the event carries the whole profile as it now is.',
  aggregateId: 'userId',
  schema: z.strictObject({
    userId: uuid,
    displayName: userDisplayName,
    phone: phoneNumber.nullable().describe('E.164 phone number, or null when the user has none (or removed it)'),
    locale: localeTag,
    changedAt: timestamp,
  }),
});

export type UserProfileChanged = z.infer<typeof userProfileChanged.schema>;
