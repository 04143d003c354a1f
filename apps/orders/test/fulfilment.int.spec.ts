import { randomUUID } from 'node:crypto';
import { waitFor } from '@marketplace/testing';
import { confirmedOrder } from './fixtures/checkout-events';
import { type Caller, OrdersTestApp } from './orders-app';

jest.setTimeout(120_000);

describe('after checkout: cancel, ship per seller, deliver; the read models follow', () => {
  let app: OrdersTestApp;
  let buyer: Caller;
  let seller: Caller;
  let otherSeller: Caller;
  let admin: Caller;

  beforeAll(async () => {
    app = await OrdersTestApp.start({ ORDER_AUTO_DELIVERY_AFTER_MS: '1500' });
    [buyer, seller, otherSeller, admin] = await Promise.all([
      app.caller(['buyer']),
      app.caller(['buyer', 'seller']),
      app.caller(['buyer', 'seller']),
      app.caller(['admin']),
    ]);
  });

  afterAll(async () => {
    await app?.close();
  });

  const twoSellerOrder = async () => {
    const scarf = await app.listedProduct({ sellerId: seller.id, price: 4500 });
    const mittens = await app.listedProduct({ sellerId: otherSeller.id, price: 2950 });
    const order = await confirmedOrder(app, buyer, [{ productId: scarf.productId, quantity: 2 }, { productId: mittens.productId, quantity: 1 }]);
    return { ...order, scarf: scarf.productId, mittens: mittens.productId };
  };
  const ship = (as: Caller, orderId: string, body: object) => app.call('POST', `/seller/orders/${orderId}/ship`, { as, body });
  const readModel = (orderId: string, status: string) =>
    waitFor(async () => (await app.db('order_summaries').where({ order_id: orderId, status }).first()) ?? undefined, { timeoutMs: 30_000, description: `${orderId} ${status} in the read model` });

  it('lets each seller ship only their own lines; the order is shipped when all are, then the buyer confirms delivery', async () => {
    const { orderId, scarf, mittens } = await twoSellerOrder();
    const foreign = await ship(seller, orderId, { productIds: [mittens], carrier: 'DHL', trackingNumber: 'JD1' });
    expect(foreign).toMatchObject({ status: 403, body: { error: { code: 'not_line_owner', details: [{ field: 'productIds.0' }] } } });
    const stranger = await app.caller(['seller']);
    expect((await ship(stranger, orderId, { carrier: 'DHL', trackingNumber: 'JD1' })).status).toBe(404);

    const first = await ship(seller, orderId, { carrier: 'DHL', trackingNumber: 'JD014600006281230000' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'partially_shipped', lines: [{ productId: scarf, shipment: { carrier: 'DHL', trackingNumber: 'JD014600006281230000' } }] });
    expect(first.body.lines).toHaveLength(1);
    expect(first.body.shippingAddress).toMatchObject({ city: 'London' });
    expect((await ship(seller, orderId, { productIds: [scarf], carrier: 'DHL', trackingNumber: 'JD2' })).body.error.code).toBe('line_already_shipped');
    expect((await app.call('POST', `/orders/${orderId}/confirm-delivery`, { as: buyer })).body.error.code).toBe('order_not_shipped');

    expect((await ship(otherSeller, orderId, { productIds: [mittens], carrier: 'UPS', trackingNumber: '1Z999' })).body.status).toBe('shipped');
    const delivered = await app.call('POST', `/orders/${orderId}/confirm-delivery`, { as: buyer });
    expect(delivered.body).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String) });
    const last = (await app.orderEvents(orderId)).at(-1);
    expect(last).toMatchObject({ type: 'OrderDelivered', data: { productIds: [scarf, mittens] } });
    expect((await app.call('POST', `/orders/${orderId}/cancel`, { as: buyer })).body.error.code).toBe('order_not_cancellable');
  });

  it('delivers a fully shipped order automatically after the configured time', async () => {
    const { orderId } = await twoSellerOrder();
    await ship(seller, orderId, { carrier: 'DHL', trackingNumber: 'A1' });
    await ship(otherSeller, orderId, { carrier: 'DHL', trackingNumber: 'A2' });
    const events = await app.orderReaches(orderId, 'OrderDelivered', 30_000);
    expect(events.at(-1)?.metadata).toMatchObject({ actor: { kind: 'system' } });
  });

  it('lets the buyer cancel a paid order before it ships (once), and an admin cancel any; others see nothing', async () => {
    const first = await twoSellerOrder();
    const nosy = await app.caller(['buyer']);
    expect((await app.call('POST', `/orders/${first.orderId}/cancel`, { as: nosy })).status).toBe(404);
    expect((await app.call('POST', `/orders/${first.orderId}/cancel`, { as: seller })).status).toBe(404);
    const cancelled = await app.call('POST', `/orders/${first.orderId}/cancel`, { as: buyer, body: { reason: 'Changed my mind' } });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellation: { reason: 'by_buyer', detail: 'Changed my mind', cancelledBy: buyer.id } });
    expect((await app.orderEvents(first.orderId)).at(-1)?.data).toMatchObject({ paymentId: first.paymentId });
    expect((await app.call('POST', `/orders/${first.orderId}/cancel`, { as: buyer })).status).toBe(409);
    expect((await ship(seller, first.orderId, { carrier: 'DHL', trackingNumber: 'X' })).body.error.code).toBe('order_not_shippable');

    const second = await twoSellerOrder();
    const byAdmin = await app.call('POST', `/orders/${second.orderId}/cancel`, { as: admin });
    expect(byAdmin.body).toMatchObject({ status: 'cancelled', cancellation: { reason: 'by_admin', cancelledBy: admin.id } });
  });

  it('lists a buyer their own orders, a seller their own lines, and admins everything by status, seller, buyer and date', async () => {
    const { orderId, scarf } = await twoSellerOrder();
    await readModel(orderId, 'confirmed');
    const mine = await app.call('GET', '/orders?limit=100', { as: buyer });
    expect(mine.body.items.map((item: { orderId: string }) => item.orderId)).toContain(orderId);
    expect(mine.body.items.every((item: { buyerId: string }) => item.buyerId === buyer.id)).toBe(true);
    expect((await app.call('GET', '/orders', { as: await app.caller(['buyer']) })).body.items).toEqual([]);

    const lines = await app.call('GET', '/seller/orders?status=to_ship&limit=100', { as: seller });
    const thisOrder = lines.body.items.find((item: { orderId: string }) => item.orderId === orderId);
    expect(thisOrder.lines).toEqual([expect.objectContaining({ productId: scarf, status: 'to_ship', quantity: 2 })]);

    const filters = [`status=confirmed`, `sellerId=${otherSeller.id}`, `buyerId=${buyer.id}`, `from=${new Date(Date.now() - 60_000).toISOString()}`];
    for (const filter of filters) {
      const page = await app.call('GET', `/admin/orders?${filter}&limit=100`, { as: admin });
      expect({ filter, found: page.body.items.some((item: { orderId: string }) => item.orderId === orderId) }).toEqual({ filter, found: true });
    }
    const none = await app.call('GET', `/admin/orders?sellerId=${randomUUID()}`, { as: admin });
    expect(none.body.items).toEqual([]);
  });

  it('pages with a cursor, newest first, without gaps or repeats', async () => {
    const pager = await app.caller(['buyer']);
    const { productId } = await app.listedProduct();
    const placed: string[] = [];
    for (let i = 0; i < 5; i++) placed.push((await confirmedOrder(app, pager, [{ productId, quantity: 1 }])).orderId);
    await waitFor(async () => (await app.db('order_summaries').whereIn('order_id', placed).where({ status: 'confirmed' })).length === 5, { timeoutMs: 30_000 });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await app.call('GET', `/orders?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { as: pager });
      seen.push(...(page.body.items as { orderId: string }[]).map((item) => item.orderId));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual([...placed].reverse());
  });

  it('rebuilds the read model from the streams to the same rows', async () => {
    const { orderId } = await twoSellerOrder();
    await readModel(orderId, 'confirmed');
    const snapshot = async () => ({
      summaries: await app.db('order_summaries').orderBy('order_id').select('order_id', 'status', 'total', 'refunded', 'seller_ids', 'placed_at'),
      lines: await app.db('seller_order_lines').orderBy(['order_id', 'product_id']).select('order_id', 'product_id', 'line_status', 'carrier'),
    });
    const before = await snapshot();
    const result = await app.projections.rebuild('order-read-model');
    expect(result.events).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });
});
