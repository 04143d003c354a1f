import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { checkoutPaymentMethod } from '../../values';
import { checkOrderTotals } from './order-line';
import { orderPlacedFields } from './order-placed-v2';

/** v3 of OrderPlaced: the payment method may be mobile money as well as a card. Every v2 event is a valid v3. */
export const orderPlacedV3 = defineEvent({
  type: 'marketplace.orders.OrderPlaced.v3',
  topic: TOPICS.ordersOrder,
  description:
    'A buyer placed an order: lines with the price snapshot and seller of each, subtotal + shipping + tax = total, and how they pay (a card or mobile money); checkout starts by reserving stock.',
  aggregateId: 'orderId',
  schema: z
    .strictObject({ ...orderPlacedFields, paymentMethod: checkoutPaymentMethod })
    .superRefine(checkOrderTotals, { when: (payload) => payload.issues.length === 0 }),
});

export type OrderPlaced = z.infer<typeof orderPlacedV3.schema>;
