import { reporting } from '../alerts';
import { get } from '../api';
import { chart } from '../charts/chart';
import type { Cancellations, OrdersByStatus, PaymentAnalytics, TopProducts, TopSellers } from '../contract';
import { type Child, h, pageHeading, tableOr } from '../dom';
import { formatCount, formatMoney } from '../format';
import type { Page } from '../page';
import { rangeForm } from '../range-form';
import { paymentFigures } from './payment-figures';

const TOP = 10;

/** For a range and currency: orders by status and cancellations by reason, the top products and sellers, and the payments' figures. */
export const analyticsPage: Page = (root) => {
  const form = rangeForm(() => void show());
  const body = h('div', { 'aria-live': 'polite', 'aria-busy': 'false' });
  root.append(pageHeading('Analytics'), form.form, body);

  const show = (): Promise<void> =>
    reporting(async () => {
      body.setAttribute('aria-busy', 'true');
      const range = form.range();
      // The currencies offered are those with payments in the range; the orders' figures are then asked in the one chosen.
      const payments = await get<PaymentAnalytics>('admin/analytics/payments', { ...range, granularity: 'day' });
      const currency = form.offer(payments.totals.map((total) => total.currency));
      const scope = { ...range, currency };
      const [statuses, cancellations, products, sellers] = await Promise.all([
        get<OrdersByStatus>('admin/analytics/orders-by-status', scope),
        get<Cancellations>('admin/analytics/cancellations', scope),
        get<TopProducts>('admin/analytics/top-products', { ...scope, limit: TOP }),
        get<TopSellers>('admin/analytics/top-sellers', { ...scope, limit: TOP }),
      ]);
      const named = currency ? ` (${currency})` : '';
      body.replaceChildren(
        section('orders', `Orders${named}`, [
          h(
            'div',
            { class: 'charts' },
            chart({ kind: 'bar', title: 'Orders placed in the range, by status now', points: statuses.items.map((item) => ({ label: item.status, value: item.orders })), format: formatCount, xLabel: 'Status', yLabel: 'Orders', categories: true }),
            chart({ kind: 'bar', title: 'Cancellations by reason', points: cancellations.items.map((item) => ({ label: item.reason, value: item.orders })), format: formatCount, xLabel: 'Reason', yLabel: 'Orders cancelled', categories: true }),
          ),
        ]),
        section('top', `Top products and sellers${named}`, [
          tableOr('No product sold in this range.', `Top products${named}`, ['Product', 'Units', 'Revenue'], products.items.map((item) => [item.title, formatCount(item.units), formatMoney(item.revenue)])),
          tableOr('No seller sold in this range.', `Top sellers${named}`, ['Seller', 'Orders', 'Units', 'Revenue'], sellers.items.map((item) => [h('code', {}, item.sellerId), formatCount(item.orders), formatCount(item.units), formatMoney(item.revenue)])),
        ]),
        section('payments', `Payments${named}`, paymentFigures(payments, currency)),
      );
    }).finally(() => body.setAttribute('aria-busy', 'false'));

  void show();
};

/** A section under its own second-level heading. */
function section(id: string, heading: string, content: Child[]): HTMLElement {
  return h('section', { 'aria-labelledby': `${id}-heading` }, h('h2', { id: `${id}-heading` }, heading), ...content);
}
