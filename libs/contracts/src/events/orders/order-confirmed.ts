import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** The order is paid and its stock reserved: it is confirmed, and catalog commits the stock. */
export const orderConfirmed = defineEvent({
  type: 'marketplace.orders.OrderConfirmed.v1',
  topic: TOPICS.ordersOrder,
  description: 'The order is paid and its stock reserved: it is confirmed, and catalog commits the stock.',
  aggregateId: 'orderId',
  schema: z.strictObject({
    orderId: uuid,
    buyerId: uuid,
    paymentId: uuid,
    confirmedAt: timestamp,
  }),
});

export type OrderConfirmed = z.infer<typeof orderConfirmed.schema>;
