import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';
import { sealedLink, sealKeyId } from './sealed-link';

/** A password reset email is due. The link to send is sealed for notifications (sealedLink); no readable token is on the topic. */
export const passwordResetRequested = defineEvent({
  type: 'marketplace.identity.PasswordResetRequested.v1',
  topic: TOPICS.identityUser,
  description: 'A password reset email is due. The link to send is sealed for notifications (sealedLink); no readable token is on the topic.',
  aggregateId: 'userId',
  schema: z.strictObject({
    userId: uuid,
    resetRequestId: uuid,
    email: z.email(),
    requestedAt: timestamp,
    expiresAt: timestamp,
    sealedLink,
    keyId: sealKeyId,
  }),
});

export type PasswordResetRequested = z.infer<typeof passwordResetRequested.schema>;
