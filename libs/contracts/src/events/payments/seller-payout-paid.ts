import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { externalId, money, timestamp, uuid } from '../../values';

/** The payout provider paid a scheduled payout to the seller. */
export const sellerPayoutPaid = defineEvent({
  type: 'marketplace.payments.SellerPayoutPaid.v1',
  topic: TOPICS.paymentsPayment,
  description: 'The payout provider paid a scheduled payout to the seller.',
  aggregateId: 'payoutId',
  schema: z.strictObject({
    payoutId: uuid,
    sellerId: uuid,
    amount: money,
    providerPayoutId: externalId,
    paidAt: timestamp,
  }),
});

export type SellerPayoutPaid = z.infer<typeof sellerPayoutPaid.schema>;
