import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { money, timestamp, uuid } from '../../values';

/** The payout provider refused a scheduled payout; its amount is available to the seller again. */
export const sellerPayoutFailed = defineEvent({
  type: 'marketplace.payments.SellerPayoutFailed.v1',
  topic: TOPICS.paymentsPayment,
  description: "The payout provider refused a scheduled payout; its amount is back in the seller's available balance.",
  aggregateId: 'payoutId',
  schema: z.strictObject({
    payoutId: uuid,
    sellerId: uuid,
    amount: money,
    failureCode: z.string().min(1).max(100),
    message: z.string().max(1000),
    failedAt: timestamp,
  }),
});

export type SellerPayoutFailed = z.infer<typeof sellerPayoutFailed.schema>;
