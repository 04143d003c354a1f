import { cancellationReason } from '@marketplace/contracts';
import { waitFor } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import { ORDER_STATUSES } from '../src/orders/domain/order-state';
import { countBy, ordersOfLog, placedIn, salesOf, type StoredOrder, topOf, type Window, within } from './analytics-expectations';
import { address, confirmedOrder, peers } from './fixtures/checkout-events';
import { type Caller, OrdersTestApp } from './orders-app';

jest.setTimeout(300_000);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('sales analytics for admins, equal to the figures of the event store', () => {
  let app: OrdersTestApp;
  let admin: Caller;
  let buyer: Caller;
  let orders: StoredOrder[];
  const cartBuyers: { buyerId: string; currency: string }[] = [];
  const started = new Date();

  const get = (path: string, query: Record<string, string | number | undefined> = {}, as: Caller = admin) => {
    const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined).map(([key, value]): [string, string] => [key, String(value)]));
    return app.call('GET', `/admin/analytics/${path}?${params}`, { as });
  };

  beforeAll(async () => {
    app = await OrdersTestApp.start();
    const [ann, bob, cid, euroSeller, otherEuroSeller, dollarSeller] = await Promise.all([
      app.caller(['buyer']),
      app.caller(['buyer']),
      app.caller(['buyer']),
      app.caller(['buyer', 'seller']),
      app.caller(['buyer', 'seller']),
      app.caller(['buyer', 'seller']),
    ]);
    [admin, buyer] = [await app.caller(['admin']), ann];
    const scarf = (await app.listedProduct({ sellerId: euroSeller.id, price: 4500, title: 'Merino scarf' })).productId;
    const mittens = (await app.listedProduct({ sellerId: otherEuroSeller.id, price: 2950, title: 'Alpaca mittens' })).productId;
    const lamp = (await app.listedProduct({ sellerId: dollarSeller.id, price: 1999, currency: 'USD', title: 'Desk lamp' })).productId;
    const stool = (await app.listedProduct({ sellerId: dollarSeller.id, price: 12000, currency: 'USD', title: 'Oak stool' })).productId;
    const peer = peers(app);

    for (const [as, productId, currency] of [[ann, scarf, 'EUR'], [bob, lamp, 'USD']] as const) {
      expect((await app.call('POST', '/cart/items', { as, body: { productId, quantity: 1 } })).status).toBe(200);
      cartBuyers.push({ buyerId: as.id, currency });
    }
    const place = async (as: Caller, items: { productId: string; quantity: number }[]) => {
      const placed = await app.call('POST', '/orders', { as, body: { items, shippingAddress: address, paymentMethod: 'pm_card_visa' }, headers: { 'idempotency-key': randomUUID() } });
      expect(placed.status).toBe(202);
      return placed.body.orderId as string;
    };

    // Delivered, after each seller shipped their line.
    const delivered = await confirmedOrder(app, ann, [{ productId: scarf, quantity: 2 }, { productId: mittens, quantity: 1 }]);
    for (const seller of [euroSeller, otherEuroSeller]) {
      expect((await app.call('POST', `/seller/orders/${delivered.orderId}/ship`, { as: seller, body: { carrier: 'DHL', trackingNumber: 'JD1' } })).status).toBe(200);
    }
    expect((await app.call('POST', `/orders/${delivered.orderId}/confirm-delivery`, { as: ann })).status).toBe(200);
    // Confirmed, then cancelled by its buyer.
    const cancelledAfterPayment = await confirmedOrder(app, bob, [{ productId: scarf, quantity: 1 }]);
    expect((await app.call('POST', `/orders/${cancelledAfterPayment.orderId}/cancel`, { as: bob })).status).toBe(200);
    await confirmedOrder(app, cid, [{ productId: lamp, quantity: 3 }]);
    await confirmedOrder(app, ann, [{ productId: mittens, quantity: 2 }]);
    // Confirmed, then refunded in full.
    const refunded = await confirmedOrder(app, cid, [{ productId: stool, quantity: 1 }, { productId: lamp, quantity: 1 }]);
    await peer.refunded(refunded.orderId, refunded.paymentId, randomUUID(), { amount: 13999, currency: 'USD' });
    // Out of stock, payment failed, and one still waiting for its stock.
    const short = await place(bob, [{ productId: stool, quantity: 1 }]);
    await peer.short(short, stool);
    const declined = await place(ann, [{ productId: mittens, quantity: 1 }]);
    await peer.reserved(declined, [{ productId: mittens, quantity: 1 }]);
    const request = (await app.orderReaches(declined, 'OrderPaymentRequested')).find((event) => event.type === 'OrderPaymentRequested')?.data as { paymentId: string; amount: { amount: number; currency: string } };
    await peer.failed(declined, request.paymentId, request.amount);
    await place(cid, [{ productId: scarf, quantity: 1 }]);

    await app.orderReaches(refunded.orderId, 'OrderRefunded');
    await app.orderReaches(short, 'OrderCancelled');
    await app.orderReaches(declined, 'OrderCancelled');
    orders = ordersOfLog(await app.store.readAll());
    expect(orders).toHaveLength(8);
    await waitFor(async () => (await app.projections.status(['order-analytics']))[0].lag === 0, { timeoutMs: 60_000, description: 'order-analytics to catch up' });
  });

  afterAll(async () => {
    await app?.close();
  });

  const windows = (): { name: string; window: Window; granularity: 'day' | 'hour'; bucketMs: number }[] => {
    const to = new Date(Date.now() + 2 * HOUR);
    const hours = { from: new Date(started.getTime() - 2 * HOUR), to };
    return [
      { name: 'by day', window: { from: new Date(started.getTime() - DAY), to }, granularity: 'day', bucketMs: DAY },
      { name: 'by hour', window: hours, granularity: 'hour', bucketMs: HOUR },
      { name: 'by hour in USD', window: { ...hours, currency: 'USD' }, granularity: 'hour', bucketMs: HOUR },
      { name: 'by day in EUR', window: { from: new Date(started.getTime() - DAY), to, currency: 'EUR' }, granularity: 'day', bucketMs: DAY },
    ];
  };
  const queryOf = ({ window, granularity }: ReturnType<typeof windows>[number]) => ({ from: window.from.toISOString(), to: window.to.toISOString(), granularity, currency: window.currency });

  it('answers sales per bucket and currency: placements by placement time, confirmations and GMV by confirmation time, zero-filled', async () => {
    for (const scenario of windows()) {
      const { body, status } = await get('sales', queryOf(scenario));
      expect({ scenario: scenario.name, status }).toEqual({ scenario: scenario.name, status: 200 });
      const expected = salesOf(orders, scenario.window, scenario.bucketMs);
      expect(expected.size).toBeGreaterThan(0);
      const answered = new Map<string, object>();
      for (const item of body.items) {
        expect(item.averageOrderValue).toEqual({ amount: item.confirmedOrders === 0 ? 0 : Math.round(item.gmv.amount / item.confirmedOrders), currency: item.currency });
        expect(item.gmv.currency).toBe(item.currency);
        if (item.placedOrders > 0 || item.confirmedOrders > 0) answered.set(`${item.start}|${item.currency}`, { placedOrders: item.placedOrders, confirmedOrders: item.confirmedOrders, gmv: item.gmv.amount });
      }
      expect({ scenario: scenario.name, figures: Object.fromEntries(answered) }).toEqual({ scenario: scenario.name, figures: Object.fromEntries(expected) });
      // Every bucket from the one holding `from` up to `to`, for every currency present.
      const currencies = scenario.window.currency ? [scenario.window.currency] : ['EUR', 'USD'];
      const first = Math.floor(scenario.window.from.getTime() / scenario.bucketMs) * scenario.bucketMs;
      const starts = Array.from({ length: Math.ceil((scenario.window.to.getTime() - first) / scenario.bucketMs) }, (_, index) => new Date(first + index * scenario.bucketMs).toISOString());
      expect(body.items.map((item: { start: string; currency: string }) => `${item.start}|${item.currency}`)).toEqual(starts.flatMap((start) => currencies.map((currency) => `${start}|${currency}`)));
      expect(body).toMatchObject({ from: scenario.window.from.toISOString(), to: scenario.window.to.toISOString(), granularity: scenario.granularity });
    }
  });

  it('counts the live orders per minute over the last hour', async () => {
    const { body } = await get('sales', { granularity: 'minute', from: new Date(Date.now() - HOUR).toISOString() });
    expect(body.items.length).toBeGreaterThanOrEqual(60 * 2);
    const placed = body.items.reduce((sum: number, item: { placedOrders: number }) => sum + item.placedOrders, 0);
    expect(placed).toBe(placedIn(orders, { from: new Date(Date.now() - HOUR), to: new Date(Date.now() + HOUR) }).length);
  });

  it('answers the orders placed in the range by their status now, the funnel and the cancellations by reason', async () => {
    for (const scenario of windows()) {
      const query = queryOf(scenario);
      const placed = placedIn(orders, scenario.window);
      const statuses = countBy(placed, (order) => order.status);
      expect((await get('orders-by-status', query)).body).toEqual({ items: ORDER_STATUSES.map((status) => ({ status, orders: statuses.get(status) ?? 0 })) });

      const buyers = (some: StoredOrder[]) => new Set(some.map((order) => order.placed.buyerId)).size;
      const carts = new Set(cartBuyers.filter((cart) => !scenario.window.currency || cart.currency === scenario.window.currency).map((cart) => cart.buyerId)).size;
      expect((await get('funnel', query)).body).toEqual({
        items: [
          { stage: 'cart', count: carts },
          { stage: 'placed', count: buyers(placed) },
          { stage: 'confirmed', count: buyers(placed.filter((order) => order.confirmedAt)) },
          { stage: 'delivered', count: buyers(placed.filter((order) => order.deliveredAt)) },
        ],
      });

      const cancelled = orders.filter((order) => (!scenario.window.currency || order.placed.total.currency === scenario.window.currency) && within(order.cancelled?.at, scenario.window));
      const reasons = countBy(cancelled, (order) => order.cancelled?.reason as string);
      expect((await get('cancellations', query)).body).toEqual({ items: cancellationReason.options.map((reason) => ({ reason, orders: reasons.get(reason) ?? 0 })) });
    }
    const all = (await get('orders-by-status', queryOf(windows()[0]))).body.items;
    expect(all.filter((item: { orders: number }) => item.orders > 0).map((item: { status: string }) => item.status).sort()).toEqual(['cancelled', 'confirmed', 'delivered', 'placed', 'refunded']);
  });

  it('ranks products and sellers of the confirmed orders by revenue, the top of each currency', async () => {
    for (const scenario of windows()) {
      for (const limit of [10, 1]) {
        const query = { ...queryOf(scenario), limit };
        const products = topOf(orders, scenario.window, limit, 'productId');
        expect((await get('top-products', query)).body).toEqual({
          items: products.map((top) => ({ productId: top.id, title: top.title, units: top.units, revenue: { amount: top.revenue, currency: top.currency } })),
        });
        const sellers = topOf(orders, scenario.window, limit, 'sellerId');
        expect((await get('top-sellers', query)).body).toEqual({
          items: sellers.map((top) => ({ sellerId: top.id, orders: top.orders.size, units: top.units, revenue: { amount: top.revenue, currency: top.currency } })),
        });
      }
    }
    const byDay = (await get('top-products', queryOf(windows()[0]))).body.items;
    expect(byDay.map((item: { title: string; units: number }) => [item.title, item.units])).toEqual([['Merino scarf', 3], ['Alpaca mittens', 3], ['Oak stool', 1], ['Desk lamp', 4]]);
  });

  it('gives the same answers after a rebuild of order-analytics', async () => {
    const scenarios = windows();
    const answers = async () => {
      const all = [];
      for (const scenario of scenarios) {
        const query = queryOf(scenario);
        for (const path of ['sales', 'orders-by-status', 'funnel', 'top-products', 'top-sellers', 'cancellations']) all.push((await get(path, query)).body);
      }
      return all;
    };
    const before = await answers();
    const result = await app.projections.rebuild('order-analytics');
    expect(result.events).toBeGreaterThan(0);
    expect(await answers()).toEqual(before);
  });

  it('is for admins only', async () => {
    for (const path of ['sales', 'orders-by-status', 'funnel', 'top-products', 'top-sellers', 'cancellations']) {
      expect({ path, status: (await get(path, {}, buyer)).status }).toEqual({ path, status: 403 });
      expect({ path, status: (await app.call('GET', `/admin/analytics/${path}`)).status }).toEqual({ path, status: 401 });
    }
  });

  it('answers bad input with a 400 in the standard body', async () => {
    const bad: [string, Record<string, string>, string, string][] = [
      ['sales', { from: 'yesterday' }, 'from', 'validation_failed'],
      ['sales', { to: '2026-13-01T00:00:00Z' }, 'to', 'validation_failed'],
      ['sales', { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 'from', 'invalid_range'],
      ['sales', { granularity: 'week' }, 'granularity', 'validation_failed'],
      ['sales', { granularity: 'minute' }, 'granularity', 'invalid_range'],
      ['funnel', { currency: 'eur' }, 'currency', 'validation_failed'],
      ['cancellations', { currency: 'EURO' }, 'currency', 'validation_failed'],
      ['orders-by-status', { status: 'placed' }, '', 'validation_failed'],
      ['top-products', { limit: '0' }, 'limit', 'validation_failed'],
      ['top-sellers', { limit: '101' }, 'limit', 'validation_failed'],
      ['top-sellers', { limit: 'ten' }, 'limit', 'validation_failed'],
    ];
    for (const [path, query, field, code] of bad) {
      const { status, body } = await get(path, query);
      expect({ path, query, status, code: body.error?.code }).toEqual({ path, query, status: 400, code });
      expect(body.error).toMatchObject({ message: expect.any(String), request_id: expect.any(String), timestamp: expect.any(String) });
      if (field) expect(body.error.details.map((detail: { field: string }) => detail.field)).toContain(field);
    }
  });
});
