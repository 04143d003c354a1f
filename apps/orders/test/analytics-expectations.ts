import type { OrderPlaced } from '@marketplace/contracts';
import type { RecordedEvent } from '@marketplace/event-store';
import { orderDecider } from '../src/orders/domain/order-decider';
import type { OrderEvent } from '../src/orders/domain/order-events';

/** An order as its stream tells it: read straight from the events, its status folded by the aggregate. */
export interface StoredOrder {
  placed: OrderPlaced;
  status: string;
  confirmedAt?: string;
  deliveredAt?: string;
  cancelled?: { reason: string; at: string };
}

export interface Window {
  from: Date;
  to: Date;
  currency?: string;
}

/** Every order of the global log. */
export function ordersOfLog(log: readonly RecordedEvent[]): StoredOrder[] {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of log.filter((each) => each.streamId.startsWith('order-'))) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  return [...streams.values()].map((events) => {
    const data = (type: string) => events.find((event) => event.type === type)?.data as Record<string, string> | undefined;
    const state = events.reduce((folded, event) => orderDecider.evolve(folded, { type: event.type, data: event.data } as OrderEvent), orderDecider.initialState());
    const cancelled = data('OrderCancelled');
    return {
      placed: data('OrderPlaced') as unknown as OrderPlaced,
      status: state.status,
      confirmedAt: data('OrderConfirmed')?.confirmedAt,
      deliveredAt: data('OrderDelivered')?.deliveredAt,
      cancelled: cancelled && { reason: cancelled.reason, at: cancelled.cancelledAt },
    };
  });
}

export const within = (time: string | undefined, window: Window) => time !== undefined && new Date(time) >= window.from && new Date(time) < window.to;

const inCurrency = (order: StoredOrder, window: Window) => !window.currency || order.placed.total.currency === window.currency;

/** The non-zero sales figures by `<bucket start>|<currency>`: placements by placement time, confirmations and GMV (order totals) by confirmation time. */
export function salesOf(orders: readonly StoredOrder[], window: Window, bucketMs: number) {
  const figures = new Map<string, { placedOrders: number; confirmedOrders: number; gmv: number }>();
  const at = (time: string, currency: string) => {
    const key = `${new Date(Math.floor(Date.parse(time) / bucketMs) * bucketMs).toISOString()}|${currency}`;
    if (!figures.has(key)) figures.set(key, { placedOrders: 0, confirmedOrders: 0, gmv: 0 });
    return figures.get(key) as { placedOrders: number; confirmedOrders: number; gmv: number };
  };
  for (const order of orders.filter((each) => inCurrency(each, window))) {
    const { total, placedAt } = order.placed;
    if (within(placedAt, window)) at(placedAt, total.currency).placedOrders += 1;
    if (order.confirmedAt && within(order.confirmedAt, window)) {
      const figure = at(order.confirmedAt, total.currency);
      figure.confirmedOrders += 1;
      figure.gmv += total.amount;
    }
  }
  return figures;
}

export function placedIn(orders: readonly StoredOrder[], window: Window): StoredOrder[] {
  return orders.filter((order) => inCurrency(order, window) && within(order.placed.placedAt, window));
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** The top `limit` of each currency by revenue (then units, then id) over the lines of the orders confirmed in the window. */
export function topOf(orders: readonly StoredOrder[], window: Window, limit: number, by: 'productId' | 'sellerId') {
  const groups = new Map<string, { id: string; currency: string; title: string; orders: Set<string>; units: number; revenue: number }>();
  for (const order of orders.filter((each) => inCurrency(each, window) && within(each.confirmedAt, window))) {
    for (const line of order.placed.lines) {
      const key = `${line.lineTotal.currency}|${line[by]}`;
      const group = groups.get(key) ?? { id: line[by], currency: line.lineTotal.currency, title: line.title, orders: new Set<string>(), units: 0, revenue: 0 };
      group.orders.add(order.placed.orderId);
      group.units += line.quantity;
      group.revenue += line.lineTotal.amount;
      groups.set(key, group);
    }
  }
  const ranked = [...groups.values()].sort((a, b) => a.currency.localeCompare(b.currency) || b.revenue - a.revenue || b.units - a.units || a.id.localeCompare(b.id));
  return ranked.filter((group) => ranked.filter((other) => other.currency === group.currency).indexOf(group) < limit);
}
