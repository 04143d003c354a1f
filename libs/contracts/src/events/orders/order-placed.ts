import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { money, paymentMethod, timestamp, uuid } from '../../values';
import { checkOrderFigures, orderLine } from './order-line';
import { shippingAddress } from './shipping-address';

/** v1 of OrderPlaced (total = the lines only); superseded by v2, still readable. */
export const orderPlaced = defineEvent({
  type: 'marketplace.orders.OrderPlaced.v1',
  topic: TOPICS.ordersOrder,
  description: 'A buyer placed an order: lines with the price snapshot and seller of each; checkout starts by reserving stock.',
  aggregateId: 'orderId',
  schema: z
    .strictObject({
      orderId: uuid,
      buyerId: uuid,
      lines: z.array(orderLine).min(1),
      total: money,
      shippingAddress,
      paymentMethod,
      placedAt: timestamp,
    })
    // Figures are compared only once every field is valid on its own, so each mistake is reported once.
    .superRefine(checkOrderFigures, { when: (payload) => payload.issues.length === 0 }),
});

export type OrderPlacedV1 = z.infer<typeof orderPlaced.schema>;
