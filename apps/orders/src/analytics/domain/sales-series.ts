import type { Money } from '@marketplace/contracts';

/** One bucket's figures of one currency, as counted in the read model (buckets without orders are absent). */
export interface SalesFigures {
  start: Date;
  currency: string;
  placedOrders: number;
  confirmedOrders: number;
  gmv: number;
}

export interface SalesPoint {
  start: string;
  currency: string;
  placedOrders: number;
  confirmedOrders: number;
  gmv: Money;
  averageOrderValue: Money;
}

/**
 * Every bucket for every currency, in that order (by bucket, then currency), zero where nothing
 * happened: a chart needs no gaps to fill. The average order value is GMV over confirmed orders,
 * rounded half up to a minor unit, 0 when none was confirmed.
 */
export function salesSeries(starts: readonly Date[], currencies: readonly string[], figures: readonly SalesFigures[]): SalesPoint[] {
  const byKey = new Map(figures.map((figure) => [`${figure.start.getTime()}|${figure.currency}`, figure]));
  const sorted = [...new Set(currencies)].sort();
  return starts.flatMap((start) =>
    sorted.map((currency) => {
      const figure = byKey.get(`${start.getTime()}|${currency}`);
      const gmv = figure?.gmv ?? 0;
      const confirmedOrders = figure?.confirmedOrders ?? 0;
      return {
        start: start.toISOString(),
        currency,
        placedOrders: figure?.placedOrders ?? 0,
        confirmedOrders,
        gmv: { amount: gmv, currency },
        averageOrderValue: { amount: averageOrderValue(gmv, confirmedOrders), currency },
      };
    }),
  );
}

export function averageOrderValue(gmv: number, orders: number): number {
  return orders === 0 ? 0 : Math.round(gmv / orders);
}
