import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';
import { mfaMethod } from './mfa-method';

/** The user turned a second factor off (with a fresh code); no secret or code is carried. */
export const mfaDisabled = defineEvent({
  type: 'marketplace.identity.MfaDisabled.v1',
  topic: TOPICS.identityUser,
  description: 'The user turned two-factor authentication off (method totp). The event carries no secret or code.',
  aggregateId: 'userId',
  schema: z.strictObject({
    userId: uuid,
    method: mfaMethod,
    disabledAt: timestamp,
  }),
});

export type MfaDisabled = z.infer<typeof mfaDisabled.schema>;
