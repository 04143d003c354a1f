import type { BackendService } from '../gateway-config';

export const API_PREFIX = '/api/v1';

/**
 * Which service owns each public path prefix (DESIGN.md, Public HTTP API). Matched by whole path
 * segments, longest prefix first, so `admin/payments` goes to payments and `admin/seller-applications`
 * to identity; `*` stands for any one segment (an id).
 */
const ROUTE_TABLE: ReadonlyArray<readonly [prefix: string, service: BackendService]> = [
  ['auth', 'identity'],
  ['me', 'identity'],
  ['sellers', 'identity'],
  ['admin/seller-applications', 'identity'],
  ['categories', 'catalog'],
  ['products', 'catalog'],
  ['products/*/recommendations', 'search'],
  ['images', 'catalog'],
  ['search', 'search'],
  ['cart', 'orders'],
  ['orders', 'orders'],
  ['seller/orders', 'orders'],
  ['admin/orders', 'orders'],
  ['admin/analytics', 'orders'],
  ['admin/analytics/payments', 'payments'],
  ['disputes', 'orders'],
  ['admin/disputes', 'orders'],
  ['payments', 'payments'],
  ['admin/payments', 'payments'],
  ['webhooks', 'payments'],
  ['seller/balance', 'payments'],
  ['seller/payouts', 'payments'],
  ['admin/payouts', 'payments'],
  ['admin/reconciliation', 'payments'],
  ['notifications', 'notifications'],
  ['admin/notifications', 'notifications'],
  ['conversations', 'notifications'],
  ['admin/conversations', 'notifications'],
  ['admin/ops', 'ops'],
];

const BY_LENGTH = [...ROUTE_TABLE]
  .map(([prefix, service]) => ({ segments: prefix.split('/'), service }))
  .sort((a, b) => b.segments.length - a.segments.length);

export interface UpstreamRoute {
  service: BackendService;
  /** The service-local path, without the `/api/v1` prefix, e.g. `/auth/login`. */
  path: string;
  /** The raw query string including its `?`, or empty. */
  search: string;
}

/**
 * The owning service for a public URL (`/api/v1/...` with its query), or undefined when no service
 * owns it. `.` and `..` segments (also percent-encoded) never reach a service: they could climb out of
 * the prefix that was matched, so such a path matches nothing.
 */
export function resolveRoute(url: string): UpstreamRoute | undefined {
  const queryAt = url.indexOf('?');
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const search = queryAt === -1 ? '' : url.slice(queryAt);
  if (!pathname.startsWith(`${API_PREFIX}/`)) return undefined;
  const path = pathname.slice(API_PREFIX.length);
  const segments = path.slice(1).split('/');
  if (segments.some(isDotSegment)) return undefined;
  const match = BY_LENGTH.find((route) => route.segments.every((segment, i) => (segment === '*' ? Boolean(segments[i]) : segments[i] === segment)));
  return match && { service: match.service, path, search };
}

function isDotSegment(segment: string): boolean {
  return /^(\.|%2e){1,2}$/i.test(segment);
}
