import type { OrderCommand } from '../order-commands';
import type { OrderEvent } from '../order-events';
import type { OrderState } from '../order-state';

/** Payments refunded some of the order's money (by an admin, or because it was cancelled after capture): once per refund. */
export function recordRefund(command: Extract<OrderCommand, { type: 'RecordRefund' }>, state: OrderState): OrderEvent[] {
  if (state.status === 'none' || state.refunds.some((refund) => refund.refundId === command.refundId)) return [];
  const { orderId, buyerId } = state.order;
  const { refundId, paymentId, amount, at } = command;
  return [{ type: 'OrderRefunded', data: { orderId, buyerId, paymentId, refundId, amount, refundedAt: at } }];
}
