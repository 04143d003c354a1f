import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { externalId, positiveQuantity, timestamp, uuid } from '../../values';

/** A seller shipped one line of the order. */
export const orderLineShipped = defineEvent({
  type: 'marketplace.orders.OrderLineShipped.v1',
  topic: TOPICS.ordersOrder,
  description: 'A seller shipped one line of the order.',
  aggregateId: 'orderId',
  schema: z.strictObject({
    orderId: uuid,
    sellerId: uuid,
    productId: uuid,
    quantity: positiveQuantity,
    carrier: z.string().min(1).max(100).optional(),
    trackingNumber: externalId.optional(),
    shippedAt: timestamp,
  }),
});

export type OrderLineShipped = z.infer<typeof orderLineShipped.schema>;
