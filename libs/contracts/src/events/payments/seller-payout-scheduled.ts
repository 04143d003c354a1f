import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { money, timestamp, uuid } from '../../values';

/** What a seller could be paid (sales minus commission, refunds and chargebacks, no longer disputable) is on its way. */
export const sellerPayoutScheduled = defineEvent({
  type: 'marketplace.payments.SellerPayoutScheduled.v1',
  topic: TOPICS.paymentsPayment,
  description:
    "A payout of a seller's available balance in one currency (sales minus commission, refunds and chargebacks, no longer disputable) was scheduled.",
  aggregateId: 'payoutId',
  schema: z.strictObject({
    payoutId: uuid,
    sellerId: uuid,
    amount: money.describe('Never more than the available balance when scheduled'),
    scheduledAt: timestamp,
  }),
});

export type SellerPayoutScheduled = z.infer<typeof sellerPayoutScheduled.schema>;
