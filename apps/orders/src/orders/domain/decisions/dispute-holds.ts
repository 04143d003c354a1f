import type { DomainErrorDetail } from '@marketplace/kernel';
import { DisputeWindowClosedError, LinesAlreadyDisputedError, LinesNotInOrderError, LinesNotShippedError } from '../dispute-eligibility-errors';
import type { OrderCommand } from '../order-commands';
import { OrderNotFoundError } from '../order-errors';
import type { OrderEvent } from '../order-events';
import type { ActiveOrder, OrderState } from '../order-state';

type Command<T extends OrderCommand['type']> = Extract<OrderCommand, { type: T }>;

/**
 * The order is where "a line is in at most one open dispute" holds: the hold is appended here (with the
 * expected revision) before the dispute's stream is written. A chargeback holds its lines whatever the
 * rules; repeating a hold of the same dispute is a no-op (a retried request).
 */
export function holdLinesForDispute(command: Command<'HoldLinesForDispute'>, state: OrderState): OrderEvent[] {
  const byBuyer = command.by === 'buyer';
  if (state.status === 'none') {
    if (byBuyer) throw new OrderNotFoundError();
    return [];
  }
  const holds = state.disputeHolds ?? {};
  if (holds[command.disputeId]) return [];
  if (byBuyer) checkBuyerMayDispute(command, state, holds);
  const { disputeId, productIds, at } = command;
  return [{ type: 'OrderLinesDisputed', data: { orderId: state.order.orderId, disputeId, productIds, disputedAt: at } }];
}

function checkBuyerMayDispute(command: Command<'HoldLinesForDispute'>, state: ActiveOrder, holds: Record<string, string[]>): void {
  if (!windowOpen(state, command.windowMs, command.at)) throw new DisputeWindowClosedError();
  const failing = (test: (productId: string) => boolean, message: string): DomainErrorDetail[] =>
    command.productIds.filter(test).map((productId) => ({ field: 'lineIds', message: `${productId} ${message}` }));
  const unknown = failing((id) => !state.order.lines.some((line) => line.productId === id), 'is not a line of this order');
  if (unknown.length > 0) throw new LinesNotInOrderError(unknown);
  const unshipped = failing((id) => !state.shipments[id], 'has not shipped');
  if (unshipped.length > 0) throw new LinesNotShippedError(unshipped);
  const held = Object.values(holds).flat();
  const disputed = failing((id) => held.includes(id), 'is in an open dispute');
  if (disputed.length > 0) throw new LinesAlreadyDisputedError(disputed);
}

/** Open until `windowMs` after delivery (always open before delivery), unless the window was closed. */
function windowOpen(state: ActiveOrder, windowMs: number, at: string): boolean {
  if (state.disputeWindowClosedAt) return false;
  return !state.deliveredAt || Date.parse(at) < Date.parse(state.deliveredAt) + windowMs;
}

/** The dispute ended: its lines may be disputed again. Nothing to do for a dispute that holds nothing. */
export function releaseDisputeHold(command: Command<'ReleaseDisputeHold'>, state: OrderState): OrderEvent[] {
  if (state.status === 'none' || !state.disputeHolds?.[command.disputeId]) return [];
  return [{ type: 'OrderDisputeHoldReleased', data: { orderId: state.order.orderId, disputeId: command.disputeId, releasedAt: command.at } }];
}

/** The durable timer's command: once, for a delivered order whose window has run out; otherwise nothing. */
export function closeDisputeWindow(command: Command<'CloseDisputeWindow'>, state: OrderState): OrderEvent[] {
  if (state.status === 'none' || !state.deliveredAt || state.disputeWindowClosedAt) return [];
  if (windowOpen(state, command.windowMs, command.at)) return [];
  return [{ type: 'OrderDisputeWindowClosed', data: { orderId: state.order.orderId, buyerId: state.order.buyerId, closedAt: command.at } }];
}
