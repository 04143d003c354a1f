import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { money, paymentMethod, timestamp, uuid } from '../../values';

/** OrderPaymentRequested's fields (v2 widens paymentMethod). */
export const orderPaymentRequestedFields = {
  orderId: uuid,
  paymentId: uuid,
  buyerId: uuid,
  amount: money,
  paymentMethod,
  requestedAt: timestamp,
};

/** Stock is reserved; orders asks payments to charge the buyer. paymentId is chosen here so the request is idempotent. */
export const orderPaymentRequested = defineEvent({
  type: 'marketplace.orders.OrderPaymentRequested.v1',
  topic: TOPICS.ordersOrder,
  description: 'Stock is reserved; orders asks payments to charge the buyer. paymentId is chosen here so the request is idempotent.',
  aggregateId: 'orderId',
  schema: z.strictObject(orderPaymentRequestedFields),
});

