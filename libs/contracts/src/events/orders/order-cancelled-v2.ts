import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** Why an order was cancelled. */
export const cancellationReason = z.enum(['out_of_stock', 'payment_failed', 'payment_timeout', 'by_buyer', 'by_admin']);

export type CancellationReason = z.infer<typeof cancellationReason>;

/**
 * v2 of OrderCancelled: reasons renamed, and the order's payment (if one was requested) so payments can
 * stop or refund it. v1 is read as v2 (`stock_unavailable` -> `out_of_stock`, `buyer_cancelled` ->
 * `by_buyer`, `admin_cancelled` -> `by_admin`).
 */
export const orderCancelledV2 = defineEvent({
  type: 'marketplace.orders.OrderCancelled.v2',
  topic: TOPICS.ordersOrder,
  description:
    'The order will not be fulfilled; the reason says why. Catalog releases its stock (reserved, or committed and not shipped); payments cancels or fully refunds paymentId.',
  aggregateId: 'orderId',
  schema: z.strictObject({
    orderId: uuid,
    buyerId: uuid,
    reason: cancellationReason,
    detail: z.string().min(1).max(1000).optional(),
    paymentId: uuid.optional().describe('The payment requested for the order, when one was'),
    cancelledBy: uuid.optional().describe('The buyer or admin who cancelled; absent when checkout cancelled it'),
    cancelledAt: timestamp,
  }),
});

export type OrderCancelled = z.infer<typeof orderCancelledV2.schema>;
