import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';
import { sealedLink, sealKeyId } from './sealed-link';

/** A verification email is due. The link to send is sealed for notifications (sealedLink); no readable token is on the topic. */
export const emailVerificationRequested = defineEvent({
  type: 'marketplace.identity.EmailVerificationRequested.v1',
  topic: TOPICS.identityUser,
  description: 'A verification email is due. The link to send is sealed for notifications (sealedLink); no readable token is on the topic.',
  aggregateId: 'userId',
  schema: z.strictObject({
    userId: uuid,
    verificationId: uuid,
    email: z.email(),
    requestedAt: timestamp,
    expiresAt: timestamp,
    sealedLink,
    keyId: sealKeyId,
  }),
});

export type EmailVerificationRequested = z.infer<typeof emailVerificationRequested.schema>;
