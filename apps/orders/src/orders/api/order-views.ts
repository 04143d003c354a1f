import type { RecordedEvent } from '@marketplace/event-store';
import { type ActiveOrder, AWAITING_CHECKOUT, refundedAmount } from '../domain/order-state';

/** An order as its buyer and admins see it: what was placed, each line's shipment, the money and the dates. */
export function orderView(state: ActiveOrder, revision: number) {
  const { order } = state;
  return {
    orderId: order.orderId,
    buyerId: order.buyerId,
    status: state.status,
    lines: order.lines.map((line) => ({ ...line, shipment: state.shipments[line.productId] ?? null })),
    subtotal: order.subtotal,
    shipping: order.shipping,
    tax: order.tax,
    total: order.total,
    refunded: { amount: refundedAmount(state), currency: order.total.currency },
    refunds: state.refunds,
    shippingAddress: order.shippingAddress,
    paymentMethod: order.paymentMethod,
    paymentId: state.paymentId ?? null,
    placedAt: order.placedAt,
    confirmedAt: state.confirmedAt ?? null,
    deliveredAt: state.deliveredAt ?? null,
    cancellation: state.cancellation ?? null,
    revision,
  };
}

/** One line of an order's history: what happened, when it was recorded, who did it, and its correlation. */
export function historyEntry(event: RecordedEvent) {
  return {
    revision: event.revision,
    type: event.type,
    recordedAt: event.recordedAt.toISOString(),
    actor: event.metadata.actor ?? null,
    correlationId: event.metadata.correlationid ?? null,
    causationId: event.metadata.causationid ?? null,
    data: event.data,
  };
}

/** A seller's view of one order: only their own lines, and where to ship them once paid. */
export function sellerOrderView(state: ActiveOrder, sellerId: string) {
  const paid = state.status !== 'cancelled' && !AWAITING_CHECKOUT.includes(state.status);
  return {
    orderId: state.order.orderId,
    status: state.status,
    lines: state.order.lines.filter((line) => line.sellerId === sellerId).map((line) => ({ ...line, shipment: state.shipments[line.productId] ?? null })),
    shippingAddress: paid ? state.order.shippingAddress : null,
    placedAt: state.order.placedAt,
  };
}
