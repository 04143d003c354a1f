import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { checkoutPaymentMethod } from '../../values';
import { orderPaymentRequestedFields } from './order-payment-requested';

/** v2 of OrderPaymentRequested: the payment method may be mobile money. Every v1 event is a valid v2. */
export const orderPaymentRequestedV2 = defineEvent({
  type: 'marketplace.orders.OrderPaymentRequested.v2',
  topic: TOPICS.ordersOrder,
  description: 'Stock is reserved; orders asks payments to charge the buyer by card or mobile money. paymentId is chosen here so the request is idempotent.',
  aggregateId: 'orderId',
  schema: z.strictObject({ ...orderPaymentRequestedFields, paymentMethod: checkoutPaymentMethod }),
});

export type OrderPaymentRequested = z.infer<typeof orderPaymentRequestedV2.schema>;
