import type { Money } from '@marketplace/contracts';
import { type AnalyticsRange, bucketStarts, type Granularity } from '@marketplace/kernel';
import type { MinuteCounts } from './payment-facts';

/** What the range adds up to in one currency, as the read model sums it. */
export interface CurrencyTotal extends MinuteCounts {
  currency: string;
}

export interface DeclineCount {
  currency: string;
  reason: string;
  count: number;
}

/** One bucket of one currency (buckets without facts are absent). */
export interface SeriesPoint {
  start: Date;
  currency: string;
  captured: number;
  failed: number;
  capturedAmount: number;
}

export interface PaymentAnalyticsReport {
  from: string;
  to: string;
  granularity: Granularity;
  totals: {
    currency: string;
    initiated: number;
    captured: number;
    failed: number;
    captureRate: number | null;
    declines: { reason: string; count: number }[];
    refunds: { count: number; amount: Money };
    chargebacks: { count: number; amount: Money };
  }[];
  series: { start: string; currency: string; captured: number; failed: number; capturedAmount: Money }[];
}

/** captured / (captured + failed); null when the range has neither. */
export function captureRate(captured: number, failed: number): number | null {
  return captured + failed === 0 ? null : captured / (captured + failed);
}

/**
 * The answer: totals per currency (by currency), their declines (most frequent first), and a series
 * with every bucket of the range for every currency the totals hold, zero where nothing happened.
 */
export function paymentAnalyticsReport(range: AnalyticsRange, totals: readonly CurrencyTotal[], declines: readonly DeclineCount[], points: readonly SeriesPoint[]): PaymentAnalyticsReport {
  const currencies = totals.map((total) => total.currency).sort();
  const byCurrency = new Map(totals.map((total) => [total.currency, total]));
  const pointAt = new Map(points.map((point) => [`${point.start.toISOString()} ${point.currency}`, point]));
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    granularity: range.granularity,
    totals: currencies.map((currency) => {
      const total = byCurrency.get(currency) as CurrencyTotal;
      return {
        currency,
        initiated: total.initiated,
        captured: total.captured,
        failed: total.failed,
        captureRate: captureRate(total.captured, total.failed),
        declines: declines
          .filter((decline) => decline.currency === currency)
          .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
          .map(({ reason, count }) => ({ reason, count })),
        refunds: { count: total.refunds, amount: { amount: total.refundedAmount, currency } },
        chargebacks: { count: total.chargebacks, amount: { amount: total.chargebackAmount, currency } },
      };
    }),
    series: bucketStarts(range).flatMap((start) =>
      currencies.map((currency) => {
        const point = pointAt.get(`${start.toISOString()} ${currency}`);
        return { start: start.toISOString(), currency, captured: point?.captured ?? 0, failed: point?.failed ?? 0, capturedAmount: { amount: point?.capturedAmount ?? 0, currency } };
      }),
    ),
  };
}
