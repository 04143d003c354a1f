import { SseClient, waitFor } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import { confirmOrder, placeOrder, registerUser } from './fixtures';
import { type Caller, NotificationsTestApp } from './notifications-app';

describe('in-app notifications and their live stream (two notifications instances on one database)', () => {
  let app: NotificationsTestApp;
  let other: NotificationsTestApp;
  const clients: SseClient[] = [];

  const stream = async (on: NotificationsTestApp, caller: Caller, lastEventId?: string) => {
    const client = await SseClient.connect(`${on.url}/notifications/stream`, { authorization: `Bearer ${caller.token}`, ...(lastEventId && { 'last-event-id': lastEventId }) });
    clients.push(client);
    await client.next((event) => event.event === 'unread');
    return client;
  };

  beforeAll(async () => {
    app = await NotificationsTestApp.start();
    other = await NotificationsTestApp.start({}, app);
  });

  afterAll(async () => {
    clients.forEach((client) => client.close());
    await other?.close({ keepDatabase: true });
    await app?.close();
  });

  it('pushes a user their own order notification, on either instance, and never another user\'s', async () => {
    const buyer = await registerUser(app);
    const stranger = await registerUser(app);
    const me = await app.caller(['buyer'], buyer.userId);
    const onFirst = await stream(app, me);
    const onSecond = await stream(other, me);
    const strangers = await stream(other, await app.caller(['buyer'], stranger.userId));

    const orderId = await placeOrder(app, buyer.userId, randomUUID());
    await confirmOrder(app, orderId, buyer.userId);
    for (const client of [onFirst, onSecond]) {
      const pushed = await client.next((event) => event.event === 'notification');
      expect(pushed.data.notification.title).toBe(`Your order ${orderId.slice(0, 8)} is confirmed`);
      expect(pushed.data.unreadCount).toBe(1);
      expect(pushed.id).toBe(String(pushed.data.notification.seq));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(strangers.events.filter((event) => event.event === 'notification')).toHaveLength(0);
  });

  it('resumes after Last-Event-ID with exactly the notifications missed while away', async () => {
    const buyer = await registerUser(app);
    const me = await app.caller(['buyer'], buyer.userId);
    const first = await stream(app, me);
    const orderId = await placeOrder(app, buyer.userId, randomUUID());
    await confirmOrder(app, orderId, buyer.userId);
    const seen = await first.next((event) => event.event === 'notification');
    first.close();

    await app.publish('marketplace.orders.OrderDelivered.v1', orderId, { orderId, buyerId: buyer.userId, productIds: [randomUUID()], deliveredAt: new Date().toISOString() });
    await app.publish('marketplace.orders.OrderRefunded.v1', orderId, { orderId, buyerId: buyer.userId, paymentId: randomUUID(), refundId: randomUUID(), amount: { amount: 500, currency: 'EUR' }, refundedAt: new Date().toISOString() });
    await waitFor(async () => (await app.call('GET', '/notifications', { as: me })).body.unreadCount === 3, { timeoutMs: 20_000, description: 'three unread' });

    const resumed = await stream(other, me, seen.id);
    const missed = resumed.events.filter((event) => event.event === 'notification');
    expect(missed.map((event) => event.data.notification.template)).toEqual(['order-delivered', 'order-refunded']);
    expect(missed.map((event) => Number(event.id))).toEqual([Number(seen.id) + 1, Number(seen.id) + 2]);
    expect(resumed.events.at(-1)).toMatchObject({ event: 'unread', data: { unreadCount: 3 } });
  });

  it('lists the inbox with its unread count, marks read one and all, and tells open streams the new count', async () => {
    const buyer = await registerUser(app);
    // The buyer known first: this test reads the inbox's order, not the race of a registration with an order's events.
    await waitFor(async () => (await app.db('users').where({ id: buyer.userId })).length === 1, { timeoutMs: 20_000, description: 'the buyer in the directory' });
    const me = await app.caller(['buyer'], buyer.userId);
    const orderId = await placeOrder(app, buyer.userId, randomUUID());
    await confirmOrder(app, orderId, buyer.userId);
    await app.publish('marketplace.orders.OrderDelivered.v1', orderId, { orderId, buyerId: buyer.userId, productIds: [randomUUID()], deliveredAt: new Date().toISOString() });
    const page = await waitFor(async () => {
      const listed = await app.call('GET', '/notifications?limit=1', { as: me });
      return listed.body.unreadCount === 2 ? listed : undefined;
    }, { timeoutMs: 20_000, description: 'two unread' });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0].template).toBe('order-delivered');
    const next = await app.call('GET', `/notifications?limit=1&cursor=${page.body.nextCursor}`, { as: me });
    expect(next.body.items[0].template).toBe('order-confirmed');

    const live = await stream(other, me);
    const read = await app.call('POST', `/notifications/${page.body.items[0].id}/read`, { as: me });
    expect(read.body).toEqual({ id: page.body.items[0].id, unreadCount: 1 });
    await live.next((event) => event.event === 'unread' && event.data.unreadCount === 1);
    expect((await app.call('POST', `/notifications/${page.body.items[0].id}/read`, { as: me })).body.unreadCount).toBe(1);
    expect((await app.call('POST', `/notifications/${randomUUID()}/read`, { as: me })).status).toBe(404);
    expect((await app.call('POST', `/notifications/${page.body.items[0].id}/read`, { as: await app.caller(['buyer']) })).status).toBe(404);
    expect((await app.call('POST', '/notifications/read-all', { as: me })).body).toEqual({ marked: 1, unreadCount: 0 });
    expect((await app.call('GET', '/notifications?unread=true', { as: me })).body).toMatchObject({ items: [], unreadCount: 0 });
  });

  it('refuses a stream without a token and a malformed Last-Event-ID', async () => {
    expect((await SseClient.connect(`${app.url}/notifications/stream`)).status).toBe(401);
    const bad = await app.call('GET', '/notifications/stream', { as: await app.caller(['buyer']), headers: { 'last-event-id': 'abc' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('Last-Event-ID');
  });
});
