import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** Every line of the order reached the buyer. */
export const orderDelivered = defineEvent({
  type: 'marketplace.orders.OrderDelivered.v1',
  topic: TOPICS.ordersOrder,
  description: 'Every line of the order reached the buyer.',
  aggregateId: 'orderId',
  schema: z.strictObject({
    orderId: uuid,
    buyerId: uuid,
    deliveredAt: timestamp,
  }),
});

export type OrderDelivered = z.infer<typeof orderDelivered.schema>;
