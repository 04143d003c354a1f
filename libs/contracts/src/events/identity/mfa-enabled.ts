import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';
import { mfaMethod } from './mfa-method';

/** The user turned a second factor on (a first code confirmed it); no secret or code is carried. */
export const mfaEnabled = defineEvent({
  type: 'marketplace.identity.MfaEnabled.v1',
  topic: TOPICS.identityUser,
  description: 'The user turned two-factor authentication on (method totp). The event carries no secret or code.',
  aggregateId: 'userId',
  schema: z.strictObject({
    userId: uuid,
    method: mfaMethod,
    enabledAt: timestamp,
  }),
});

export type MfaEnabled = z.infer<typeof mfaEnabled.schema>;
