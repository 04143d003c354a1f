import type { OrderCommand } from '../order-commands';
import { OrderAlreadyCancelledError, OrderNotCancellableError, OrderNotFoundError } from '../order-errors';
import type { OrderEvent } from '../order-events';
import { type ActiveOrder, AWAITING_CHECKOUT, type OrderState, type OrderStatus } from '../order-state';

type Command<T extends OrderCommand['type']> = Extract<OrderCommand, { type: T }>;

/** A person may cancel until a line ships; a paid order is then refunded in full by payments. */
const CANCELLABLE: readonly OrderStatus[] = [...AWAITING_CHECKOUT, 'confirmed'];

/** Out of stock, declined or unpaid in time: only while nothing is paid; later it is a no-op. */
export function cancelByCheckout(command: Command<'CancelByCheckout'>, state: OrderState): OrderEvent[] {
  if (state.status === 'none' || !AWAITING_CHECKOUT.includes(state.status)) return [];
  return [cancelled(state, { reason: command.reason, detail: command.detail, cancelledAt: command.at })];
}

export function cancelOrder(command: Command<'CancelOrder'>, state: OrderState): OrderEvent[] {
  if (state.status === 'none') throw new OrderNotFoundError();
  if (state.status === 'cancelled') throw new OrderAlreadyCancelledError();
  if (!CANCELLABLE.includes(state.status)) throw new OrderNotCancellableError(state.status);
  const reason = command.by.kind === 'buyer' ? 'by_buyer' : 'by_admin';
  return [cancelled(state, { reason, detail: command.detail, cancelledBy: command.by.userId, cancelledAt: command.at })];
}

type Cancellation = Omit<Extract<OrderEvent, { type: 'OrderCancelled' }>['data'], 'orderId' | 'buyerId' | 'paymentId'>;

/** The event carries the order's payment, if one was requested, so payments can stop or refund it. */
function cancelled(state: ActiveOrder, cancellation: Cancellation): OrderEvent {
  const { orderId, buyerId } = state.order;
  const data = { orderId, buyerId, ...cancellation, paymentId: state.paymentId };
  return { type: 'OrderCancelled', data: withoutUndefined(data) };
}

/** Stored JSON drops undefined anyway; leaving them out keeps events equal to what is read back. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
