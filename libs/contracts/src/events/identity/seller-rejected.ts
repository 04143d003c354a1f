import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** An admin rejected a seller application, with the reason shown to the applicant. */
export const sellerRejected = defineEvent({
  type: 'marketplace.identity.SellerRejected.v1',
  topic: TOPICS.identityUser,
  description: 'An admin rejected a seller application, with the reason shown to the applicant.',
  aggregateId: 'userId',
  schema: z.strictObject({
    applicationId: uuid,
    userId: uuid,
    reason: z.string().min(1).max(1000),
    rejectedBy: uuid,
    rejectedAt: timestamp,
  }),
});

export type SellerRejected = z.infer<typeof sellerRejected.schema>;
