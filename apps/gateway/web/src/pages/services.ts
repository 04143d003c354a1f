import { reporting } from '../alerts';
import { get } from '../api';
import type { Page as ListPage, ServiceStatus } from '../contract';
import { h, pageHeading, table } from '../dom';
import { formatNumber, formatPercent } from '../format';
import { type Page, refreshEvery } from '../page';

const REFRESH_MS = 10_000;

/** Each service's health, readiness, request rate, error rate and p99 latency, refreshed. */
export const servicesPage: Page = (root) => {
  const body = h('div', { 'aria-live': 'polite' });
  root.append(pageHeading('Services'), h('p', {}, `Refreshed every ${REFRESH_MS / 1000} seconds. Rates are over the last minute.`), body);
  return refreshEvery(REFRESH_MS, async () => {
    await reporting(async () => {
      const { items } = await get<ListPage<ServiceStatus>>('admin/ops/services');
      body.replaceChildren(
        table(
          'Services',
          ['Service', 'Health', 'Ready', 'Requests/s', 'Error rate', 'p99 (ms)'],
          items.map((item) => [
            h('span', { class: 'service-name' }, item.service),
            h('span', { class: `status status-${item.health}` }, item.health),
            item.ready === null ? '–' : h('span', { class: `status status-${item.ready ? 'up' : 'down'}` }, item.ready ? 'ready' : 'not ready'),
            formatNumber(item.requestsPerSecond),
            formatPercent(item.errorRate),
            formatNumber(item.p99Ms, 1),
          ]),
        ),
      );
    });
  });
};
