import { available, type StockLevel } from './stock-level';

/** A quantity of one product asked for by an order. */
export interface StockRequest {
  productId: string;
  quantity: number;
}

export interface Shortage {
  productId: string;
  requested: number;
  available: number;
}

export interface ReservedLine extends StockRequest {
  /** The product's availability once the reservation holds. */
  available: number;
}

export type ReservationPlan =
  | { outcome: 'reserved'; lines: ReservedLine[]; levels: StockLevel[] }
  | { outcome: 'failed'; shortages: Shortage[] };

/** Lines of one product are summed, and lines come out in product id order (the order rows are locked in). */
export function mergeRequests(requests: readonly StockRequest[]): StockRequest[] {
  const totals = new Map<string, number>();
  for (const { productId, quantity } of requests) totals.set(productId, (totals.get(productId) ?? 0) + quantity);
  return [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([productId, quantity]) => ({ productId, quantity }));
}

/**
 * All or nothing: every line is reserved when each product has enough available, otherwise nothing
 * is and every short line is reported. A product with no stock recorded has nothing available.
 */
export function planReservation(requests: readonly StockRequest[], levels: readonly StockLevel[]): ReservationPlan {
  const byProduct = new Map(levels.map((level) => [level.productId, level]));
  const lines = mergeRequests(requests);
  const shortages = lines.flatMap(({ productId, quantity }) => {
    const level = byProduct.get(productId);
    const free = level ? available(level) : 0;
    return free < quantity ? [{ productId, requested: quantity, available: free }] : [];
  });
  if (shortages.length > 0) return { outcome: 'failed', shortages };
  const updated = lines.map(({ productId, quantity }) => {
    const level = byProduct.get(productId) as StockLevel;
    return { ...level, reserved: level.reserved + quantity };
  });
  return {
    outcome: 'reserved',
    levels: updated,
    lines: lines.map((line, index) => ({ ...line, available: available(updated[index]) })),
  };
}
