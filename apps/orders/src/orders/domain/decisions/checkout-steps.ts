import type { OrderCommand } from '../order-commands';
import type { OrderEvent } from '../order-events';
import type { OrderState } from '../order-state';

type Command<T extends OrderCommand['type']> = Extract<OrderCommand, { type: T }>;

/** Catalog reserved every line: record it, and ask payments for the total. */
export function requestPayment(command: Command<'RequestPayment'>, state: OrderState): OrderEvent[] {
  if (state.status !== 'placed') return [];
  const { orderId, buyerId, total, paymentMethod } = state.order;
  return [
    { type: 'OrderStockReserved', data: { orderId, reservedAt: command.at } },
    { type: 'OrderPaymentRequested', data: { orderId, paymentId: command.paymentId, buyerId, amount: total, paymentMethod, requestedAt: command.at } },
  ];
}

/** The requested payment was captured. A capture of another payment, or after a cancellation, confirms nothing. */
export function confirmOrder(command: Command<'ConfirmOrder'>, state: OrderState): OrderEvent[] {
  if (state.status !== 'payment_requested' || state.paymentId !== command.paymentId) return [];
  const { orderId, buyerId } = state.order;
  return [{ type: 'OrderConfirmed', data: { orderId, buyerId, paymentId: command.paymentId, confirmedAt: command.at } }];
}
