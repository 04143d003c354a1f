import { utcDay } from './popularity';

/** An order as recommendations follow it: its distinct products, and whether it counts as a purchase yet. */
export type TrackedOrder = PlacedOrder | ConfirmedOrder;

interface PlacedOrder {
  orderId: string;
  products: string[];
  status: 'placed';
  confirmedDay: null;
}

export interface ConfirmedOrder {
  orderId: string;
  products: string[];
  status: 'confirmed';
  /** UTC day (YYYY-MM-DD) of the confirmation: the day its sales count on. */
  confirmedDay: string;
}

export type OrderFact =
  | { type: 'placed'; orderId: string; products: string[] }
  | { type: 'confirmed'; orderId: string; confirmedAt: string }
  | { type: 'cancelled'; orderId: string };

/** What a fact does to the purchase counts: +1 adds the order's purchases, -1 withdraws them. */
export interface OrderChange {
  order: TrackedOrder | undefined;
  counts: { sign: 1 | -1; order: ConfirmedOrder } | undefined;
}

/**
 * Folds one fact into an order. Only a placed order that is then confirmed counts; a confirmation of an
 * order never seen placed, or seen twice, changes nothing. A cancellation forgets the order, and
 * withdraws its purchases if it had been confirmed (the catalog releases committed stock then too).
 */
export function evolveOrder(order: TrackedOrder | undefined, fact: OrderFact): OrderChange {
  switch (fact.type) {
    case 'placed':
      return { order: order ?? { orderId: fact.orderId, products: fact.products, status: 'placed', confirmedDay: null }, counts: undefined };
    case 'confirmed': {
      if (order?.status !== 'placed') return { order, counts: undefined };
      const confirmed: ConfirmedOrder = { ...order, status: 'confirmed', confirmedDay: utcDay(fact.confirmedAt) };
      return { order: confirmed, counts: { sign: 1, order: confirmed } };
    }
    case 'cancelled':
      return { order: undefined, counts: order?.status === 'confirmed' ? { sign: -1, order } : undefined };
    default: {
      const unknown: never = fact;
      return unknown;
    }
  }
}
