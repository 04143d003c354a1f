import { analyticsRange } from '@marketplace/kernel';
import { captureRate, type CurrencyTotal, paymentAnalyticsReport } from './payment-analytics-report';

const none = { initiated: 0, captured: 0, capturedAmount: 0, failed: 0, refunds: 0, refundedAmount: 0, chargebacks: 0, chargebackAmount: 0 };
const range = analyticsRange({ from: '2026-03-01T10:00:00.000Z', to: '2026-03-01T13:00:00.000Z', granularity: 'hour' }, new Date('2026-03-31T00:00:00.000Z'));

describe('the payment analytics report', () => {
  it('rates captures over captures and failures, null when there are neither', () => {
    expect(captureRate(3, 1)).toBe(0.75);
    expect(captureRate(0, 2)).toBe(0);
    expect(captureRate(0, 0)).toBeNull();
  });

  it('totals each currency with its declines most frequent first, and fills every bucket of every currency', () => {
    const totals: CurrencyTotal[] = [
      { ...none, currency: 'USD', initiated: 1, chargebacks: 1, chargebackAmount: 500 },
      { ...none, currency: 'EUR', initiated: 4, captured: 3, capturedAmount: 3000, failed: 1, refunds: 2, refundedAmount: 700 },
    ];
    const declines = [
      { currency: 'EUR', reason: 'generic_decline', count: 1 },
      { currency: 'EUR', reason: 'insufficient_funds', count: 3 },
      { currency: 'EUR', reason: 'expired_card', count: 1 },
    ];
    const points = [
      { start: new Date('2026-03-01T11:00:00.000Z'), currency: 'EUR', captured: 3, failed: 1, capturedAmount: 3000 },
      // A bucket outside the range's buckets cannot appear in the series.
      { start: new Date('2026-03-01T09:00:00.000Z'), currency: 'EUR', captured: 9, failed: 9, capturedAmount: 9 },
    ];
    const report = paymentAnalyticsReport(range, totals, declines, points);
    expect(report.from).toBe('2026-03-01T10:00:00.000Z');
    expect(report.to).toBe('2026-03-01T13:00:00.000Z');
    expect(report.granularity).toBe('hour');
    expect(report.totals).toEqual([
      {
        currency: 'EUR',
        initiated: 4,
        captured: 3,
        failed: 1,
        captureRate: 0.75,
        declines: [
          { reason: 'insufficient_funds', count: 3 },
          { reason: 'expired_card', count: 1 },
          { reason: 'generic_decline', count: 1 },
        ],
        refunds: { count: 2, amount: { amount: 700, currency: 'EUR' } },
        chargebacks: { count: 0, amount: { amount: 0, currency: 'EUR' } },
      },
      { currency: 'USD', initiated: 1, captured: 0, failed: 0, captureRate: null, declines: [], refunds: { count: 0, amount: { amount: 0, currency: 'USD' } }, chargebacks: { count: 1, amount: { amount: 500, currency: 'USD' } } },
    ]);
    const zero = (start: string, currency: string) => ({ start, currency, captured: 0, failed: 0, capturedAmount: { amount: 0, currency } });
    expect(report.series).toEqual([
      zero('2026-03-01T10:00:00.000Z', 'EUR'),
      zero('2026-03-01T10:00:00.000Z', 'USD'),
      { start: '2026-03-01T11:00:00.000Z', currency: 'EUR', captured: 3, failed: 1, capturedAmount: { amount: 3000, currency: 'EUR' } },
      zero('2026-03-01T11:00:00.000Z', 'USD'),
      zero('2026-03-01T12:00:00.000Z', 'EUR'),
      zero('2026-03-01T12:00:00.000Z', 'USD'),
    ]);
  });

  it('answers no totals and no series when nothing happened in the range', () => {
    expect(paymentAnalyticsReport(range, [], [], [])).toEqual({ from: range.from.toISOString(), to: range.to.toISOString(), granularity: 'hour', totals: [], series: [] });
  });
});
