import type { DomainErrorDetail } from '@marketplace/kernel';
import type { OrderCommand } from '../order-commands';
import { LinesAlreadyShippedError, NotYourLinesError, OrderNotFoundError, OrderNotShippableError } from '../order-errors';
import type { OrderEvent } from '../order-events';
import type { OrderState } from '../order-state';

/**
 * A seller ships their own lines of a paid order (all their unshipped lines when none are named), each
 * with the carrier and tracking number. An order without lines of this seller is, to them, not found.
 */
export function shipLines(command: Extract<OrderCommand, { type: 'ShipLines' }>, state: OrderState): OrderEvent[] {
  if (state.status === 'none') throw new OrderNotFoundError();
  const own = state.order.lines.filter((line) => line.sellerId === command.sellerId);
  if (own.length === 0) throw new OrderNotFoundError();
  if (state.status !== 'confirmed' && state.status !== 'partially_shipped') throw new OrderNotShippableError(state.status);
  const requested = command.productIds ?? own.filter((line) => !state.shipments[line.productId]).map((line) => line.productId);
  const foreign = requested.filter((productId) => !own.some((line) => line.productId === productId));
  if (foreign.length > 0) throw new NotYourLinesError(details(requested, foreign, 'not a line of yours in this order'));
  const shipped = requested.filter((productId) => state.shipments[productId]);
  if (shipped.length > 0 || requested.length === 0) throw new LinesAlreadyShippedError(details(requested, shipped, 'already shipped'));
  return own
    .filter((line) => requested.includes(line.productId))
    .map((line) => ({
      type: 'OrderLineShipped',
      data: {
        orderId: state.order.orderId,
        sellerId: command.sellerId,
        productId: line.productId,
        quantity: line.quantity,
        carrier: command.carrier,
        trackingNumber: command.trackingNumber,
        shippedAt: command.at,
      },
    }));
}

function details(requested: string[], offending: string[], message: string): DomainErrorDetail[] {
  return offending.map((productId) => ({ field: `productIds.${requested.indexOf(productId)}`, message }));
}
