import { randomUUID } from 'node:crypto';
import { address, confirmedOrder } from './fixtures/checkout-events';
import { type Caller, OrdersTestApp } from './orders-app';

jest.setTimeout(120_000);

type Role = 'anonymous' | 'owner' | 'other buyer' | 'line seller' | 'other seller' | 'admin';

/**
 * OWASP API1 (broken object level authorisation): every route, every kind of caller. A buyer sees only
 * their orders, a seller only their lines, an admin everything; a stranger learns nothing (404).
 */
describe('who may do what to an order', () => {
  let app: OrdersTestApp;
  let callers: Record<Exclude<Role, 'anonymous'>, Caller>;
  let orderId: string;

  beforeAll(async () => {
    app = await OrdersTestApp.start();
    callers = {
      owner: await app.caller(['buyer']),
      'other buyer': await app.caller(['buyer']),
      'line seller': await app.caller(['buyer', 'seller']),
      'other seller': await app.caller(['buyer', 'seller']),
      admin: await app.caller(['admin']),
    };
    const { productId } = await app.listedProduct({ sellerId: callers['line seller'].id });
    orderId = (await confirmedOrder(app, callers.owner, [{ productId, quantity: 1 }])).orderId;
  });

  afterAll(async () => {
    await app?.close();
  });

  const as = (role: Role) => (role === 'anonymous' ? undefined : callers[role]);

  // Read-only routes first; the state-changing ones are tried where a refusal leaves the order as it was.
  const cases: [string, 'GET' | 'POST', () => string, Record<Role, number>, unknown?][] = [
    ['read the order', 'GET', () => `/orders/${orderId}`, { anonymous: 401, owner: 200, 'other buyer': 404, 'line seller': 404, 'other seller': 404, admin: 200 }],
    ['read its history', 'GET', () => `/orders/${orderId}/history`, { anonymous: 401, owner: 200, 'other buyer': 404, 'line seller': 404, 'other seller': 404, admin: 200 }],
    ['read it as a seller', 'GET', () => `/seller/orders/${orderId}`, { anonymous: 401, owner: 403, 'other buyer': 403, 'line seller': 200, 'other seller': 404, admin: 403 }],
    ['list own orders', 'GET', () => '/orders', { anonymous: 401, owner: 200, 'other buyer': 200, 'line seller': 200, 'other seller': 200, admin: 403 }],
    ['list own lines', 'GET', () => '/seller/orders', { anonymous: 401, owner: 403, 'other buyer': 403, 'line seller': 200, 'other seller': 200, admin: 403 }],
    ['list all orders', 'GET', () => '/admin/orders', { anonymous: 401, owner: 403, 'other buyer': 403, 'line seller': 403, 'other seller': 403, admin: 200 }],
    ['see a cart', 'GET', () => '/cart', { anonymous: 401, owner: 200, 'other buyer': 200, 'line seller': 200, 'other seller': 200, admin: 403 }],
    ['confirm its delivery', 'POST', () => `/orders/${orderId}/confirm-delivery`, { anonymous: 401, owner: 422, 'other buyer': 404, 'line seller': 404, 'other seller': 404, admin: 403 }],
    ['ship it', 'POST', () => `/seller/orders/${orderId}/ship`, { anonymous: 401, owner: 403, 'other buyer': 403, 'line seller': 0, 'other seller': 404, admin: 403 }, { carrier: 'DHL', trackingNumber: 'T1' }],
    ['cancel it', 'POST', () => `/orders/${orderId}/cancel`, { anonymous: 401, owner: 0, 'other buyer': 404, 'line seller': 404, 'other seller': 404, admin: 0 }],
    ['place an order', 'POST', () => '/orders', { anonymous: 401, owner: 0, 'other buyer': 0, 'line seller': 0, 'other seller': 0, admin: 403 }],
  ];

  describe.each(cases)('%s', (_name, method, path, expected, body) => {
    const roles = (Object.keys(expected) as Role[]).filter((role) => expected[role] !== 0);
    it.each(roles)('as %s', async (role) => {
      const before = await app.orderEvents(orderId);
      const response = await app.call(method, path(), { as: as(role), body: body ?? (method === 'POST' ? {} : undefined), headers: { 'idempotency-key': randomUUID() } });
      expect(response.status).toBe(expected[role]);
      if (response.status >= 400) {
        expect(response.body.error).toMatchObject({ code: expect.any(String), request_id: expect.any(String) });
        expect(await app.orderEvents(orderId)).toHaveLength(before.length);
      }
      if (role === 'owner' && path() === `/orders/${orderId}`) expect(response.body.shippingAddress).toEqual(address);
    });
  });

  it('shows a seller only their own lines of an order with several sellers', async () => {
    const mine = await app.listedProduct({ sellerId: callers['line seller'].id });
    const theirs = await app.listedProduct({ sellerId: callers['other seller'].id });
    const { orderId: mixed } = await confirmedOrder(app, callers.owner, [{ productId: mine.productId, quantity: 1 }, { productId: theirs.productId, quantity: 1 }]);
    const view = await app.call('GET', `/seller/orders/${mixed}`, { as: callers['line seller'] });
    expect(view.body.lines.map((line: { productId: string }) => line.productId)).toEqual([mine.productId]);
    expect(view.body).not.toHaveProperty('total');
  });
});
