import type { OrderCommand } from '../order-commands';
import { OrderNotDeliverableError, OrderNotFoundError } from '../order-errors';
import type { OrderEvent } from '../order-events';
import type { OrderState } from '../order-state';

/**
 * Every line has shipped: the buyer confirms delivery, or the system does after the configured time.
 * From any other status the buyer is told why; the system's late timer does nothing.
 */
export function confirmDelivery(command: Extract<OrderCommand, { type: 'ConfirmDelivery' }>, state: OrderState): OrderEvent[] {
  const bySystem = command.by.kind === 'system';
  if (state.status === 'none') {
    if (bySystem) return [];
    throw new OrderNotFoundError();
  }
  if (state.status !== 'shipped') {
    if (bySystem) return [];
    throw new OrderNotDeliverableError(state.status);
  }
  const { orderId, buyerId, lines } = state.order;
  return [{ type: 'OrderDelivered', data: { orderId, buyerId, productIds: lines.map((line) => line.productId), deliveredAt: command.at } }];
}
