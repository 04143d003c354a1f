import type { OrderCancelled, OrderConfirmed, OrderPlaced } from '@marketplace/contracts';
import type { RecordedEvent } from '@marketplace/event-store';
import { basketOf } from '../../recommendations/domain/basket';
import type { OrderFact } from '../../recommendations/domain/tracked-order';

/**
 * The bus hands search the latest version of each order event (the contracts' upcasters run in the
 * consumer), so the log holds OrderPlaced v3 and OrderCancelled v2. Older versions are read too: the
 * fields used here (order id, lines) are the same in every version.
 */
const PLACED = ['marketplace.orders.OrderPlaced.v1', 'marketplace.orders.OrderPlaced.v2', 'marketplace.orders.OrderPlaced.v3'];
const CANCELLED = ['marketplace.orders.OrderCancelled.v1', 'marketplace.orders.OrderCancelled.v2'];
const CONFIRMED = 'marketplace.orders.OrderConfirmed.v1';

export const ORDER_EVENT_TYPES = [...PLACED, CONFIRMED, ...CANCELLED];

/** What one recorded order event means to recommendations; the data was validated when it entered the log. */
export function orderFact(event: RecordedEvent): OrderFact | undefined {
  if (PLACED.includes(event.type)) {
    const data = event.data as Pick<OrderPlaced, 'orderId' | 'lines'>;
    return { type: 'placed', orderId: data.orderId, products: basketOf(data.lines) };
  }
  if (CANCELLED.includes(event.type)) return { type: 'cancelled', orderId: (event.data as Pick<OrderCancelled, 'orderId'>).orderId };
  if (event.type === CONFIRMED) {
    const data = event.data as OrderConfirmed;
    return { type: 'confirmed', orderId: data.orderId, confirmedAt: data.confirmedAt };
  }
  return undefined;
}
