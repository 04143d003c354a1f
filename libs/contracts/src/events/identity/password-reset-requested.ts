import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** A password reset email is due. The reset token stays in identity; the event names the request only. */
export const passwordResetRequested = defineEvent({
  type: 'marketplace.identity.PasswordResetRequested.v1',
  topic: TOPICS.identityUser,
  description: 'A password reset email is due. The reset token stays in identity; the event names the request only.',
  aggregateId: 'userId',
  schema: z.strictObject({
    userId: uuid,
    resetRequestId: uuid,
    email: z.email(),
    requestedAt: timestamp,
    expiresAt: timestamp,
  }),
});

export type PasswordResetRequested = z.infer<typeof passwordResetRequested.schema>;
