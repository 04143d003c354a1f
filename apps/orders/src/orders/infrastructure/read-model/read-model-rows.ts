import type { ActiveOrder } from '../../domain/order-state';
import { refundedAmount } from '../../domain/order-state';

export const LINE_STATUSES = ['awaiting_payment', 'to_ship', 'shipped', 'delivered', 'cancelled', 'refunded'] as const;

export type LineStatus = (typeof LINE_STATUSES)[number];

/** Where a seller's line stands, from the order's status and the line's shipment. */
export function lineStatus(state: ActiveOrder, productId: string): LineStatus {
  switch (state.status) {
    case 'placed':
    case 'stock_reserved':
    case 'payment_requested':
      return 'awaiting_payment';
    case 'cancelled':
    case 'delivered':
    case 'refunded':
      return state.status;
    default:
      return state.shipments[productId] ? 'shipped' : 'to_ship';
  }
}

export function summaryRow(state: ActiveOrder, updatedAt: Date) {
  const { order } = state;
  const shippedAt = Object.values(state.shipments).map((shipment) => shipment.shippedAt).sort().at(-1);
  return {
    order_id: order.orderId,
    buyer_id: order.buyerId,
    status: state.status,
    currency: order.total.currency,
    total: order.total.amount,
    refunded: refundedAmount(state),
    line_count: order.lines.length,
    item_count: order.lines.reduce((sum, line) => sum + line.quantity, 0),
    seller_ids: [...new Set(order.lines.map((line) => line.sellerId))],
    payment_id: state.paymentId ?? null,
    cancel_reason: state.cancellation?.reason ?? null,
    placed_at: order.placedAt,
    confirmed_at: state.confirmedAt ?? null,
    shipped_at: state.status === 'shipped' || state.status === 'delivered' ? (shippedAt ?? null) : null,
    delivered_at: state.deliveredAt ?? null,
    cancelled_at: state.cancellation?.cancelledAt ?? null,
    updated_at: updatedAt.toISOString(),
    state,
  };
}

export function lineRows(state: ActiveOrder, updatedAt: Date) {
  return state.order.lines.map((line) => {
    const shipment = state.shipments[line.productId];
    return {
      order_id: state.order.orderId,
      product_id: line.productId,
      seller_id: line.sellerId,
      title: line.title,
      quantity: line.quantity,
      unit_price: line.unitPrice.amount,
      line_total: line.lineTotal.amount,
      currency: line.unitPrice.currency,
      line_status: lineStatus(state, line.productId),
      order_status: state.status,
      carrier: shipment?.carrier ?? null,
      tracking_number: shipment?.trackingNumber ?? null,
      shipped_at: shipment?.shippedAt ?? null,
      placed_at: state.order.placedAt,
      updated_at: updatedAt.toISOString(),
    };
  });
}
