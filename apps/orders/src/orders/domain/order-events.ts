import type { OrderCancelled, OrderConfirmed, OrderDelivered, OrderLineShipped, OrderPaymentRequested, OrderPlaced, OrderRefunded } from '@marketplace/contracts';

/** Catalog reserved every line: kept in the order's stream (not published; catalog announced it). */
export interface OrderStockReserved {
  orderId: string;
  reservedAt: string;
}

/**
 * What happens to an order, stored in its stream `order-<id>`. The published ones store exactly the data
 * of their contract (orders.order.v1), so the relay sends them as they are.
 */
export type OrderEvent =
  | { type: 'OrderPlaced'; data: OrderPlaced }
  | { type: 'OrderStockReserved'; data: OrderStockReserved }
  | { type: 'OrderPaymentRequested'; data: OrderPaymentRequested }
  | { type: 'OrderConfirmed'; data: OrderConfirmed }
  | { type: 'OrderCancelled'; data: OrderCancelled }
  | { type: 'OrderLineShipped'; data: OrderLineShipped }
  | { type: 'OrderDelivered'; data: OrderDelivered }
  | { type: 'OrderRefunded'; data: OrderRefunded };

export type OrderEventType = OrderEvent['type'];

export const ORDER_EVENT_TYPES: readonly OrderEventType[] = [
  'OrderPlaced',
  'OrderStockReserved',
  'OrderPaymentRequested',
  'OrderConfirmed',
  'OrderCancelled',
  'OrderLineShipped',
  'OrderDelivered',
  'OrderRefunded',
];
