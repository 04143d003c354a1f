import { reporting } from '../alerts';
import { get } from '../api';
import { chart } from '../charts/chart';
import type { Funnel, Sales } from '../contract';
import { h, pageHeading } from '../dom';
import { bucketLabel, formatCount, formatMoney, moneyFormatter } from '../format';
import { type Page, refreshEvery } from '../page';
import { rangeForm } from '../range-form';

const LIVE_REFRESH_MS = 12_000;

/** GMV and orders per day for a range and currency, the funnel, and orders per minute over the last hour. */
export const overviewPage: Page = (root) => {
  const form = rangeForm(() => void showRange());
  const sales = h('div', { 'aria-live': 'polite', 'aria-busy': 'false' });
  const live = h('div', { class: 'charts' });
  root.append(
    pageHeading('Overview'),
    h('section', { 'aria-labelledby': 'sales-heading' }, h('h2', { id: 'sales-heading' }, 'Sales'), form.form, sales),
    h('section', { 'aria-labelledby': 'live-heading' }, h('h2', { id: 'live-heading' }, 'Live: orders per minute, last hour'), h('p', {}, `Refreshed every ${LIVE_REFRESH_MS / 1000} seconds.`), live),
  );

  const showRange = (): Promise<void> =>
    reporting(async () => {
      sales.setAttribute('aria-busy', 'true');
      const range = form.range();
      const [answer, funnel] = await Promise.all([get<Sales>('admin/analytics/sales', { ...range, granularity: 'day' }), get<Funnel>('admin/analytics/funnel', { ...range, currency: form.currency() })]);
      const chosen = form.offer(answer.items.map((item) => item.currency));
      const funnelChart = chart({ kind: 'bar', title: 'Funnel (buyers at each stage)', points: funnel.items.map((stage) => ({ label: stage.stage, value: stage.count })), format: formatCount, xLabel: 'Stage', yLabel: 'Buyers' });
      sales.replaceChildren(...salesCharts(answer, chosen, funnelChart));
    }).finally(() => sales.setAttribute('aria-busy', 'false'));

  void showRange();
  return refreshEvery(LIVE_REFRESH_MS, async () => {
    await reporting(async () => {
      const now = Date.now();
      const answer = await get<Sales>('admin/analytics/sales', { from: new Date(now - 60 * 60_000).toISOString(), to: new Date(now).toISOString(), granularity: 'minute' });
      live.replaceChildren(chart({ kind: 'line', title: 'Orders placed per minute (all currencies)', points: perMinute(answer), format: formatCount, xLabel: 'Minute (UTC)', yLabel: 'Orders' }));
    });
  });
};

/** The range's totals, then its charts side by side (the funnel's last). */
function salesCharts(sales: Sales, currency: string, funnel: HTMLElement): HTMLElement[] {
  const items = sales.items.filter((item) => item.currency === currency);
  if (!currency) return [h('p', {}, 'No orders in this range.'), h('div', { class: 'charts' }, funnel)];
  const gmv = items.reduce((sum, item) => sum + item.gmv.amount, 0);
  const placed = items.reduce((sum, item) => sum + item.placedOrders, 0);
  const label = (start: string): string => bucketLabel(start, 'day');
  return [
    h('dl', { class: 'totals' }, h('dt', {}, `GMV (${currency})`), h('dd', { id: 'total-gmv' }, formatMoney({ amount: gmv, currency })), h('dt', {}, 'Orders placed'), h('dd', { id: 'total-orders' }, formatCount(placed))),
    h(
      'div',
      { class: 'charts' },
      chart({ kind: 'line', title: `GMV per day (${currency})`, points: items.map((item) => ({ label: label(item.start), value: item.gmv.amount })), format: moneyFormatter(currency), xLabel: 'Day (UTC)', yLabel: `GMV (${currency})` }),
      chart({ kind: 'bar', title: `Orders per day (${currency})`, points: items.map((item) => ({ label: label(item.start), value: item.placedOrders })), format: formatCount, xLabel: 'Day (UTC)', yLabel: 'Orders placed' }),
      funnel,
    ),
  ];
}

/** Orders placed per minute, summed over currencies (the buckets come once per currency). */
function perMinute(sales: Sales): { label: string; value: number }[] {
  const minutes = new Map<string, number>();
  for (const item of sales.items) minutes.set(item.start, (minutes.get(item.start) ?? 0) + item.placedOrders);
  return [...minutes].sort(([a], [b]) => a.localeCompare(b)).map(([start, value]) => ({ label: bucketLabel(start, 'minute'), value }));
}
