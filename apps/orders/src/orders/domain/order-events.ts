import type { OrderCancelled, OrderDisputeWindowClosed, OrderConfirmed, OrderDelivered, OrderLineShipped, OrderPaymentRequested, OrderPlaced, OrderRefunded } from '@marketplace/contracts';

/** Catalog reserved every line: kept in the order's stream (not published; catalog announced it). */
export interface OrderStockReserved {
  orderId: string;
  reservedAt: string;
}

/** A dispute now holds these lines: none of them can be in another open dispute (private; the dispute publishes DisputeOpened). */
export interface OrderLinesDisputed {
  orderId: string;
  disputeId: string;
  productIds: string[];
  disputedAt: string;
}

/** The dispute ended and no longer holds its lines (private; the dispute publishes DisputeResolved). */
export interface OrderDisputeHoldReleased {
  orderId: string;
  disputeId: string;
  releasedAt: string;
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
  | { type: 'OrderRefunded'; data: OrderRefunded }
  | { type: 'OrderLinesDisputed'; data: OrderLinesDisputed }
  | { type: 'OrderDisputeHoldReleased'; data: OrderDisputeHoldReleased }
  | { type: 'OrderDisputeWindowClosed'; data: OrderDisputeWindowClosed };

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
  'OrderLinesDisputed',
  'OrderDisputeHoldReleased',
  'OrderDisputeWindowClosed',
];
