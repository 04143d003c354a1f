import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { money, timestamp, uuid } from '../../values';

/** Money went back to the buyer after capture (RefundIssued by payments); amount is this refund, not the running total. */
export const orderRefunded = defineEvent({
  type: 'marketplace.orders.OrderRefunded.v1',
  topic: TOPICS.ordersOrder,
  description: 'Money went back to the buyer after capture (RefundIssued by payments); amount is this refund, not the running total.',
  aggregateId: 'orderId',
  schema: z.strictObject({
    orderId: uuid,
    buyerId: uuid,
    paymentId: uuid,
    refundId: uuid,
    amount: money,
    refundedAt: timestamp,
  }),
});

export type OrderRefunded = z.infer<typeof orderRefunded.schema>;
