import { chart } from '../charts/chart';
import type { PaymentAnalytics } from '../contract';
import { h, tableOr } from '../dom';
import { bucketLabel, formatCount, formatMoney, formatPercent, moneyFormatter } from '../format';

/** One currency's payment totals (capture rate, captured and failed, refunds, chargebacks), its declines by reason and its captured amount per day. */
export function paymentFigures(payments: PaymentAnalytics, currency: string): HTMLElement[] {
  const totals = payments.totals.find((total) => total.currency === currency);
  if (!totals) return [h('p', {}, 'No payments in this range.')];
  const term = (label: string, id: string, value: string): HTMLElement[] => [h('dt', {}, label), h('dd', { id }, value)];
  const perDay = payments.series.filter((point) => point.currency === currency);
  return [
    h(
      'dl',
      { class: 'totals' },
      ...term('Capture rate', 'capture-rate', formatPercent(totals.captureRate)),
      ...term('Captured', 'payments-captured', formatCount(totals.captured)),
      ...term('Failed', 'payments-failed', formatCount(totals.failed)),
      ...term('Refunds', 'refunds-count', formatCount(totals.refunds.count)),
      ...term('Refunded', 'refunds-amount', formatMoney(totals.refunds.amount)),
      ...term('Chargebacks', 'chargebacks-count', formatCount(totals.chargebacks.count)),
      ...term('Charged back', 'chargebacks-amount', formatMoney(totals.chargebacks.amount)),
    ),
    tableOr(
      'No payment was declined in this range.',
      `Declines by reason (${currency})`,
      ['Reason', 'Payments'],
      totals.declines.map((decline) => [decline.reason, formatCount(decline.count)]),
    ),
    h(
      'div',
      { class: 'charts' },
      chart({ kind: 'line', title: `Captured per day (${currency})`, points: perDay.map((point) => ({ label: bucketLabel(point.start, 'day'), value: point.capturedAmount.amount })), format: moneyFormatter(currency), xLabel: 'Day (UTC)', yLabel: `Captured (${currency})` }),
    ),
  ];
}
