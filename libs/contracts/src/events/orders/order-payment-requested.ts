import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { money, paymentMethod, timestamp, uuid } from '../../values';

/** Stock is reserved; orders asks payments to charge the buyer. paymentId is chosen here so the request is idempotent. */
export const orderPaymentRequested = defineEvent({
  type: 'marketplace.orders.OrderPaymentRequested.v1',
  topic: TOPICS.ordersOrder,
  description: 'Stock is reserved; orders asks payments to charge the buyer. paymentId is chosen here so the request is idempotent.',
  aggregateId: 'orderId',
  schema: z.strictObject({
    orderId: uuid,
    paymentId: uuid,
    buyerId: uuid,
    amount: money,
    paymentMethod,
    requestedAt: timestamp,
  }),
});

export type OrderPaymentRequested = z.infer<typeof orderPaymentRequested.schema>;
