import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';
import { signUpMethod } from './sign-up-method';
import { localeTag, phoneNumber, userDisplayName } from './user-profile-fields';

/**
 * v3 of UserRegistered: with how the person signed up (and with which OpenID Connect provider), so
 * that sign-ups can be counted by channel. v2 is read as v3 signed up with a password.
 */
export const userRegisteredV3 = defineEvent({
  type: 'marketplace.identity.UserRegistered.v3',
  topic: TOPICS.identityUser,
  description: 'A person signed up, with a password or through an OpenID Connect provider; they start as a buyer, in their locale, with their phone number if they gave one.',
  aggregateId: 'userId',
  schema: z.strictObject({
    userId: uuid,
    email: z.email(),
    displayName: userDisplayName,
    locale: localeTag,
    phone: phoneNumber.nullable().describe('E.164 phone number, or null when the user gave none'),
    signUpMethod,
    identityProvider: z.string().min(1).max(64).nullable().describe('the OpenID Connect provider id (as in OIDC_PROVIDERS) when signUpMethod is oidc, else null'),
    registeredAt: timestamp,
  }),
});

export type UserRegistered = z.infer<typeof userRegisteredV3.schema>;
