import type { OrderCommand } from '../order-commands';
import type { OrderEvent } from '../order-events';
import type { OrderState } from '../order-state';

/** A new order; placing it again (a retried request, same id) changes nothing. */
export function placeOrder(command: Extract<OrderCommand, { type: 'PlaceOrder' }>, state: OrderState): OrderEvent[] {
  if (state.status !== 'none') return [];
  return [{ type: 'OrderPlaced', data: command.order }];
}
