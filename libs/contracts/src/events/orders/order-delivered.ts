import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** Every line of the order reached the buyer; `productIds` lists the lines' products (catalog lets their buyer review them). */
export const orderDelivered = defineEvent({
  type: 'marketplace.orders.OrderDelivered.v1',
  topic: TOPICS.ordersOrder,
  description: "Every line of the order reached the buyer; productIds lists the lines' products (catalog lets their buyer review them).",
  aggregateId: 'orderId',
  schema: z.strictObject({
    orderId: uuid,
    buyerId: uuid,
    productIds: z.array(uuid).min(1),
    deliveredAt: timestamp,
  }),
});

export type OrderDelivered = z.infer<typeof orderDelivered.schema>;
