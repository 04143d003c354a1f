import { randomUUID } from 'node:crypto';
import { address, confirmedOrder } from './fixtures/checkout-events';
import { type Caller, OrdersTestApp } from './orders-app';

jest.setTimeout(120_000);

/** Every route answers malformed input with a 4xx in the standard error body, and writes nothing. */
describe('bad input to orders', () => {
  let app: OrdersTestApp;
  let buyer: Caller;
  let seller: Caller;
  let admin: Caller;
  let productId: string;
  let orderId: string;

  beforeAll(async () => {
    app = await OrdersTestApp.start();
    [buyer, seller, admin] = await Promise.all([app.caller(['buyer']), app.caller(['buyer', 'seller']), app.caller(['admin'])]);
    productId = (await app.listedProduct({ sellerId: seller.id })).productId;
    orderId = (await confirmedOrder(app, buyer, [{ productId, quantity: 1 }])).orderId;
    await app.call('POST', '/cart/items', { as: buyer, body: { productId, quantity: 1 } });
  });

  afterAll(async () => {
    await app?.close();
  });

  const snapshot = async () => {
    const count = async (table: string) => Number((await app.db.raw(`select count(*) from ${table}`)).rows[0].count);
    return { cart: await count('cart_items'), requests: await count('order_requests'), events: await count('events'), quantity: (await app.db('cart_items').first()).quantity };
  };
  const order = { items: [{ productId: randomUUID(), quantity: 1 }], shippingAddress: address, paymentMethod: 'pm_card_visa' };
  const line = (quantity: unknown) => ({ ...order, items: [{ productId: randomUUID(), quantity }] });

  type Case = [string, 'GET' | 'POST' | 'PATCH' | 'DELETE', () => string, () => Caller, unknown, Record<string, string>?];
  const cases: Case[] = [
    ['cart item: productId not a UUID', 'POST', () => '/cart/items', () => buyer, { productId: 'abc', quantity: 1 }],
    ['cart item: quantity 0', 'POST', () => '/cart/items', () => buyer, { productId: randomUUID(), quantity: 0 }],
    ['cart item: fractional quantity', 'POST', () => '/cart/items', () => buyer, { productId: randomUUID(), quantity: 1.5 }],
    ['cart item: quantity as a string', 'POST', () => '/cart/items', () => buyer, { productId: randomUUID(), quantity: '2' }],
    ['cart item: quantity above 100', 'POST', () => '/cart/items', () => buyer, { productId: randomUUID(), quantity: 101 }],
    ['cart item: unknown field', 'POST', () => '/cart/items', () => buyer, { productId: randomUUID(), quantity: 1, price: 1 }],
    ['cart item: no body', 'POST', () => '/cart/items', () => buyer, undefined],
    ['cart item: text instead of JSON', 'POST', () => '/cart/items', () => buyer, 'quantity=1', { 'content-type': 'text/plain' }],
    ['cart item: broken JSON', 'POST', () => '/cart/items', () => buyer, '{"productId":', { 'content-type': 'application/json' }],
    ['cart change: path not a UUID', 'PATCH', () => '/cart/items/abc', () => buyer, { quantity: 1 }],
    ['cart change: negative quantity', 'PATCH', () => `/cart/items/${productId}`, () => buyer, { quantity: -1 }],
    ['cart removal: path not a UUID', 'DELETE', () => '/cart/items/%00', () => buyer, undefined],
    ['order: both items and fromCart', 'POST', () => '/orders', () => buyer, { ...order, fromCart: true }],
    ['order: neither items nor fromCart', 'POST', () => '/orders', () => buyer, { shippingAddress: address, paymentMethod: 'pm_card_visa' }],
    ['order: fromCart false', 'POST', () => '/orders', () => buyer, { fromCart: false, shippingAddress: address, paymentMethod: 'pm_card_visa' }],
    ['order: no lines', 'POST', () => '/orders', () => buyer, { ...order, items: [] }],
    ['order: 51 lines', 'POST', () => '/orders', () => buyer, { ...order, items: Array.from({ length: 51 }, () => ({ productId: randomUUID(), quantity: 1 })) }],
    ['order: one product twice', 'POST', () => '/orders', () => buyer, { ...order, items: [order.items[0], { ...order.items[0], quantity: 2 }] }],
    ['order: quantity 0', 'POST', () => '/orders', () => buyer, line(0)],
    ['order: quantity 1e3', 'POST', () => '/orders', () => buyer, line(1000)],
    ['order: quantity null', 'POST', () => '/orders', () => buyer, line(null)],
    ['order: lower-case country', 'POST', () => '/orders', () => buyer, { ...order, shippingAddress: { ...address, country: 'gb' } }],
    ['order: control characters in the address', 'POST', () => '/orders', () => buyer, { ...order, shippingAddress: { ...address, line1: 'a\u0000b' } }],
    ['order: bidi override in the name', 'POST', () => '/orders', () => buyer, { ...order, shippingAddress: { ...address, recipientName: 'Ada\u202Eecalevol' } }],
    ['order: blank city', 'POST', () => '/orders', () => buyer, { ...order, shippingAddress: { ...address, city: '   ' } }],
    ['order: unknown address field', 'POST', () => '/orders', () => buyer, { ...order, shippingAddress: { ...address, floor: 3 } }],
    ['order: payment method not a PaymentMethod id', 'POST', () => '/orders', () => buyer, { ...order, paymentMethod: '4242424242424242' }],
    ['order: no Idempotency-Key', 'POST', () => '/orders', () => buyer, order, { 'idempotency-key': '' }],
    ['order: Idempotency-Key with a space', 'POST', () => '/orders', () => buyer, order, { 'idempotency-key': 'a b' }],
    ['orders list: unknown status', 'GET', () => '/orders?status=lost', () => buyer, undefined],
    ['orders list: limit 0', 'GET', () => '/orders?limit=0', () => buyer, undefined],
    ['orders list: forged cursor', 'GET', () => '/orders?cursor=bm90LWEtY3Vyc29y', () => buyer, undefined],
    ['orders list: unknown parameter', 'GET', () => '/orders?sort=price', () => buyer, undefined],
    ['order: id not a UUID', 'GET', () => '/orders/42', () => buyer, undefined],
    ['order: asOf not a time', 'GET', () => `/orders/${orderId}?asOf=yesterday`, () => buyer, undefined],
    ['history: id not a UUID', 'GET', () => '/orders/x/history', () => buyer, undefined],
    ['cancel: reason not text', 'POST', () => `/orders/${orderId}/cancel`, () => buyer, { reason: 42 }],
    ['cancel: unknown field', 'POST', () => `/orders/${orderId}/cancel`, () => buyer, { refund: false }],
    ['cancel: reason over 1000 characters', 'POST', () => `/orders/${orderId}/cancel`, () => buyer, { reason: 'x'.repeat(1001) }],
    ['ship: empty carrier', 'POST', () => `/seller/orders/${orderId}/ship`, () => seller, { carrier: '', trackingNumber: 'T' }],
    ['ship: no tracking number', 'POST', () => `/seller/orders/${orderId}/ship`, () => seller, { carrier: 'DHL' }],
    ['ship: productIds not UUIDs', 'POST', () => `/seller/orders/${orderId}/ship`, () => seller, { productIds: ['x'], carrier: 'DHL', trackingNumber: 'T' }],
    ['ship: empty productIds', 'POST', () => `/seller/orders/${orderId}/ship`, () => seller, { productIds: [], carrier: 'DHL', trackingNumber: 'T' }],
    ['seller list: unknown status', 'GET', () => '/seller/orders?status=lost', () => seller, undefined],
    ['admin list: from not a time', 'GET', () => '/admin/orders?from=monday', () => admin, undefined],
    ['admin list: from after to', 'GET', () => '/admin/orders?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', () => admin, undefined],
    ['admin list: sellerId not a UUID', 'GET', () => '/admin/orders?sellerId=me', () => admin, undefined],
    ['admin list: limit 1000', 'GET', () => '/admin/orders?limit=1000', () => admin, undefined],
  ];

  // A rest parameter: jest would take a sixth declared parameter for a `done` callback on 5-element rows.
  it.each(cases)('%s: 4xx in the standard format, nothing written', async (...[, method, path, who, body, headers]: Case) => {
    const before = await snapshot();
    const raw = typeof body === 'string';
    const response = await app.service.app.inject({
      method,
      url: path(),
      payload: raw ? body : body === undefined ? undefined : JSON.stringify(body),
      headers: {
        authorization: `Bearer ${who().token}`,
        ...(body !== undefined && !raw && { 'content-type': 'application/json' }),
        'idempotency-key': randomUUID(),
        ...headers,
      },
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    const { error } = response.json();
    expect(error).toEqual({ code: expect.any(String), message: expect.any(String), details: expect.any(Array), request_id: expect.any(String), timestamp: expect.any(String) });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await app.service.app.inject({
      method: 'POST',
      url: '/orders',
      payload: JSON.stringify({ ...order, padding: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { authorization: `Bearer ${buyer.token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
  });
});
