import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** v1 of OrderCancelled; superseded by v2 (renamed reasons, the payment id), still readable. */
export const orderCancelled = defineEvent({
  type: 'marketplace.orders.OrderCancelled.v1',
  topic: TOPICS.ordersOrder,
  description: 'The order will not be fulfilled; the reason says why. Catalog releases any reserved stock.',
  aggregateId: 'orderId',
  schema: z.strictObject({
    orderId: uuid,
    buyerId: uuid,
    reason: z.enum(['stock_unavailable', 'payment_failed', 'payment_timeout', 'buyer_cancelled', 'admin_cancelled']),
    detail: z.string().min(1).max(1000).optional(),
    cancelledAt: timestamp,
  }),
});

export type OrderCancelledV1 = z.infer<typeof orderCancelled.schema>;
