import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { money, timestamp, uuid } from '../../values';

/** An admin asked the buyer to send the goods back; the refund follows when the seller or an admin records their receipt. */
export const disputeReturnRequested = defineEvent({
  type: 'marketplace.orders.DisputeReturnRequested.v1',
  topic: TOPICS.ordersOrder,
  description: 'An admin asked the buyer to send the disputed goods back; refundOnReceipt is refunded when their receipt is recorded.',
  aggregateId: 'disputeId',
  schema: z.strictObject({
    disputeId: uuid,
    orderId: uuid,
    buyerId: uuid,
    requestedBy: uuid,
    refundOnReceipt: money,
    note: z.string().min(1).max(4000).optional(),
    requestedAt: timestamp,
  }),
});

export type DisputeReturnRequested = z.infer<typeof disputeReturnRequested.schema>;
