import { resolveRoute } from './route-table';

describe('resolveRoute', () => {
  it.each([
    ['/api/v1/auth/login', 'identity', '/auth/login', ''],
    ['/api/v1/me', 'identity', '/me', ''],
    ['/api/v1/sellers/applications', 'identity', '/sellers/applications', ''],
    ['/api/v1/admin/seller-applications/a-1/approve', 'identity', '/admin/seller-applications/a-1/approve', ''],
    ['/api/v1/products/p-1/reviews?cursor=abc', 'catalog', '/products/p-1/reviews', '?cursor=abc'],
    ['/api/v1/categories', 'catalog', '/categories', ''],
    ['/api/v1/images/products/p-1/i-1/original?expires=1&signature=s', 'catalog', '/images/products/p-1/i-1/original', '?expires=1&signature=s'],
    ['/api/v1/search?q=lamp&inStock=true', 'search', '/search', '?q=lamp&inStock=true'],
    ['/api/v1/products/p-1/recommendations?kind=popular', 'search', '/products/p-1/recommendations', '?kind=popular'],
    ['/api/v1/products/p-1', 'catalog', '/products/p-1', ''],
    ['/api/v1/products/recommendations', 'catalog', '/products/recommendations', ''],
    ['/api/v1/cart/items/p-1', 'orders', '/cart/items/p-1', ''],
    ['/api/v1/seller/orders/o-1/ship', 'orders', '/seller/orders/o-1/ship', ''],
    ['/api/v1/admin/payments/p-1/refunds', 'payments', '/admin/payments/p-1/refunds', ''],
    ['/api/v1/admin/analytics/sales?granularity=day', 'orders', '/admin/analytics/sales', '?granularity=day'],
    ['/api/v1/admin/analytics/payments?currency=EUR', 'payments', '/admin/analytics/payments', '?currency=EUR'],
    ['/api/v1/webhooks/stripe', 'payments', '/webhooks/stripe', ''],
    ['/api/v1/webhooks/mpesa/t0k3n', 'payments', '/webhooks/mpesa/t0k3n', ''],
    ['/api/v1/webhooks/paynow', 'payments', '/webhooks/paynow', ''],
    ['/api/v1/seller/balance', 'payments', '/seller/balance', ''],
    ['/api/v1/seller/payouts?cursor=x', 'payments', '/seller/payouts', '?cursor=x'],
    ['/api/v1/admin/payouts/run', 'payments', '/admin/payouts/run', ''],
    ['/api/v1/admin/reconciliation/statements', 'payments', '/admin/reconciliation/statements', ''],
    ['/api/v1/orders/o-1/disputes', 'orders', '/orders/o-1/disputes', ''],
    ['/api/v1/disputes/d-1/responses', 'orders', '/disputes/d-1/responses', ''],
    ['/api/v1/admin/disputes/d-1/resolve', 'orders', '/admin/disputes/d-1/resolve', ''],
    ['/api/v1/notifications/stream', 'notifications', '/notifications/stream', ''],
    ['/api/v1/admin/notifications/templates', 'notifications', '/admin/notifications/templates', ''],
    ['/api/v1/conversations/c-1/messages?cursor=x', 'notifications', '/conversations/c-1/messages', '?cursor=x'],
    ['/api/v1/conversations/ws', 'notifications', '/conversations/ws', ''],
    ['/api/v1/admin/conversations/c-1', 'notifications', '/admin/conversations/c-1', ''],
    ['/api/v1/admin/ops/projections/orders/order-read-model/rebuild', 'ops', '/admin/ops/projections/orders/order-read-model/rebuild', ''],
    ['/api/v1/admin/ops/dead-letters?topic=orders.order.v1', 'ops', '/admin/ops/dead-letters', '?topic=orders.order.v1'],
  ])('%s -> %s %s', (url, service, path, search) => {
    expect(resolveRoute(url)).toEqual({ service, path, search });
  });

  it.each([
    '/api/v1',
    '/api/v1/',
    '/api/v2/me',
    '/api/v1/unknown',
    '/api/v1/admin/users',
    '/api/v1/conversationsx',
    '/api/v1/mezzanine',
    '/api/v1/seller',
    '/api/v1/auth/../admin/payments',
    '/api/v1/products/%2E%2e/x',
    '/api/v1/products/./x',
    '/api/v1/products/../recommendations',
    '/other',
  ])('matches nothing for %s', (url) => {
    expect(resolveRoute(url)).toBeUndefined();
  });
});
