import { type MarketplaceEvent, parseCloudEvent, TOPICS } from '@marketplace/contracts';
import type { Consumer } from '@marketplace/messaging';
import { waitFor } from '@marketplace/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { disputeScenes } from './disputes-helpers';
import { type Caller, OrdersTestApp } from './orders-app';

jest.setTimeout(180_000);

const WINDOW_MS = 4000;
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('disputes: open, respond, resolve; the window; events on orders.order.v1', () => {
  let app: OrdersTestApp;
  let consumer: Consumer;
  const received: { key: string; event: MarketplaceEvent }[] = [];
  let buyer: Caller;
  let seller: Caller;
  let otherSeller: Caller;
  let admin: Caller;
  let scenes: ReturnType<typeof disputeScenes>;

  beforeAll(async () => {
    app = await OrdersTestApp.start({ DISPUTE_WINDOW_MS: String(WINDOW_MS) });
    scenes = disputeScenes(app);
    [buyer, seller, otherSeller, admin] = await Promise.all([app.caller(['buyer']), app.caller(['buyer', 'seller']), app.caller(['buyer', 'seller']), app.caller(['admin'])]);
    await app.bus.ensureTopics([TOPICS.ordersOrder]);
    consumer = await app.bus.consumer({
      groupId: `disputes-test-${randomBytes(4).toString('hex')}`,
      topics: [TOPICS.ordersOrder],
      fromBeginning: true,
      onMessage: async (message) => void received.push({ key: message.key, event: parseCloudEvent(message.value, { upcast: 'none' }) }),
    });
  });

  afterAll(async () => {
    await consumer?.stop();
    await app?.close();
  });

  it('opens a dispute on a shipped line, the seller responds, an admin refunds part; the history and the bus have each step', async () => {
    const { shippedOrder, open, respond, resolve, listed } = scenes;
    const { orderId, paymentId, scarf } = await shippedOrder(buyer, seller, otherSeller);
    const opened = await open(buyer, orderId, { lineIds: [scarf], reason: 'damaged', description: 'The scarf arrived torn.\nPhotos attached.' });
    expect(opened).toMatchObject({ status: 201, body: { disputeId: expect.any(String), status: 'open' } });
    const { disputeId } = opened.body;

    expect((await respond(seller, disputeId, 'Sorry! We can refund half.')).body).toMatchObject({ status: 'open' });
    expect((await respond(buyer, disputeId, 'Half is fine.')).status).toBe(201);
    const resolved = await resolve(admin, disputeId, { decision: 'refund', amount: eur(4500), note: 'Half of the scarf line.' });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: { outcome: 'refunded', refund: eur(4500), resolvedBy: admin.id } });

    const read = await app.call('GET', `/disputes/${disputeId}`, { as: seller });
    expect(read.body).toMatchObject({ orderId, paymentId, kind: 'buyer', reason: 'damaged', disputedTotal: eur(9000), lines: [{ productId: scarf, sellerId: seller.id, amount: eur(9000) }] });
    expect(read.body.history.map((entry: { type: string }) => entry.type)).toEqual(['DisputeOpened', 'DisputeResponded', 'DisputeResponded', 'DisputeResolved']);
    expect(read.body.history[1]).toMatchObject({ actor: { kind: 'seller', userId: seller.id }, data: { role: 'seller', message: 'Sorry! We can refund half.' } });

    const onBus = await waitFor(() => {
      const mine = received.filter((message) => message.key === disputeId);
      return mine.length >= 4 ? mine : undefined;
    }, { timeoutMs: 60_000, description: 'the dispute events on the bus' });
    expect(onBus.map((message) => message.event.type)).toEqual([
      'marketplace.orders.DisputeOpened.v1',
      'marketplace.orders.DisputeResponded.v1',
      'marketplace.orders.DisputeResponded.v1',
      'marketplace.orders.DisputeResolved.v1',
    ]);
    expect(onBus[3].event).toMatchObject({ subject: disputeId, data: { outcome: 'refunded', refund: eur(4500), paymentId, orderId } });
    // The order's hold on the line is private.
    expect(received.some((message) => message.event.type.includes('OrderLinesDisputed'))).toBe(false);

    expect((await respond(buyer, disputeId, 'One more thing')).body.error.code).toBe('dispute_resolved');
    expect((await resolve(admin, disputeId, { decision: 'reject' })).status).toBe(422);
    await listed(buyer, disputeId, 'resolved');
    await listed(seller, disputeId, 'resolved', '?status=resolved');
    await listed(admin, disputeId, 'resolved');
    expect((await app.call('GET', '/disputes', { as: otherSeller })).body.items.some((item: { disputeId: string }) => item.disputeId === disputeId)).toBe(false);
  });

  it('keeps each line in one open dispute, refuses unshipped and foreign lines, and frees the line once resolved', async () => {
    const { shippedOrder, open, resolve } = scenes;
    const { orderId, scarf, mittens } = await shippedOrder(buyer, seller, otherSeller, { shipOther: false });
    const body = { lineIds: [scarf], reason: 'not_received', description: 'Nothing came.' };
    const first = await open(buyer, orderId, body);
    expect(first.status).toBe(201);
    expect((await open(buyer, orderId, body)).body.error).toMatchObject({ code: 'line_already_disputed', details: [{ field: 'lineIds' }] });
    expect((await open(buyer, orderId, { ...body, lineIds: [mittens] })).body.error.code).toBe('line_not_shipped');
    expect((await open(buyer, orderId, { ...body, lineIds: [randomUUID()] })).body.error.code).toBe('line_not_in_order');
    const stranger = await app.caller(['buyer']);
    expect((await open(stranger, orderId, body)).status).toBe(404);

    expect((await resolve(admin, first.body.disputeId, { decision: 'reject', note: 'Tracking shows it delivered.' })).body.resolution.outcome).toBe('rejected');
    expect((await open(buyer, orderId, body)).status).toBe(201);
  });

  it('answers a repeated Idempotency-Key with the first answer, refusals included', async () => {
    const { shippedOrder, open, newKey } = scenes;
    const { orderId, scarf, mittens } = await shippedOrder(buyer, seller, otherSeller, { shipOther: false });
    const key = newKey();
    const body = { lineIds: [scarf], reason: 'wrong_item', description: 'A hat, not a scarf.' };
    const first = await open(buyer, orderId, body, key);
    const again = await open(buyer, orderId, body, key);
    expect(again).toMatchObject({ status: 201, body: first.body });
    expect((await app.store.readStream(`dispute-${first.body.disputeId}`)).length).toBe(1);
    expect((await open(buyer, orderId, { ...body, description: 'Another text' }, key)).body.error.code).toBe('idempotency_key_reused');

    const refusedKey = newKey();
    const refused = await open(buyer, orderId, { ...body, lineIds: [mittens] }, refusedKey);
    await app.call('POST', `/seller/orders/${orderId}/ship`, { as: otherSeller, body: { carrier: 'UPS', trackingNumber: '1Z9' } });
    expect(await open(buyer, orderId, { ...body, lineIds: [mittens] }, refusedKey)).toMatchObject({ status: 422, body: { error: { code: refused.body.error.code } } });
  });

  it('requests the goods back, then refunds what was promised when a seller records their receipt', async () => {
    const { shippedOrder, open, resolve } = scenes;
    const { orderId, mittens } = await shippedOrder(buyer, seller, otherSeller);
    const { disputeId } = (await open(buyer, orderId, { lineIds: [mittens], reason: 'not_as_described', description: 'Not alpaca.' })).body;
    expect((await resolve(buyer, disputeId, { decision: 'refund' })).status).toBe(403);
    expect((await resolve(admin, disputeId, { decision: 'request_return' })).body).toMatchObject({ status: 'return_requested', refundOnReceipt: eur(2950) });
    expect((await app.call('POST', `/disputes/${disputeId}/return-received`, { as: buyer })).status).toBe(403);
    expect((await app.call('POST', `/disputes/${disputeId}/return-received`, { as: seller })).status).toBe(404);
    const received = await app.call('POST', `/disputes/${disputeId}/return-received`, { as: otherSeller });
    expect(received.body).toMatchObject({ status: 'resolved', resolution: { outcome: 'refunded', refund: eur(2950), resolvedBy: otherSeller.id } });
  });

  it('refuses a refund above the disputed lines or in another currency', async () => {
    const { shippedOrder, open, resolve } = scenes;
    const { orderId, mittens } = await shippedOrder(buyer, seller, otherSeller);
    const { disputeId } = (await open(buyer, orderId, { lineIds: [mittens], reason: 'damaged', description: 'Holes.' })).body;
    expect((await resolve(admin, disputeId, { decision: 'refund', amount: eur(2951) })).body.error.code).toBe('refund_exceeds_disputed');
    expect((await resolve(admin, disputeId, { decision: 'refund', amount: { amount: 100, currency: 'USD' } })).body.error.code).toBe('refund_exceeds_disputed');
    expect((await app.store.readStream(`dispute-${disputeId}`)).map((event) => event.type)).toEqual(['DisputeOpened']);
  });

  it('closes the window a while after delivery (a durable timer), publishes it, and refuses disputes after it', async () => {
    const { shippedOrder, open } = scenes;
    const { orderId, scarf } = await shippedOrder(buyer, seller, otherSeller);
    await app.call('POST', `/orders/${orderId}/confirm-delivery`, { as: buyer });
    const events = await app.orderReaches(orderId, 'OrderDisputeWindowClosed', 60_000);
    const delivered = events.find((event) => event.type === 'OrderDelivered')?.data as { deliveredAt: string };
    const closed = events.find((event) => event.type === 'OrderDisputeWindowClosed')?.data as { closedAt: string };
    expect(Date.parse(closed.closedAt) - Date.parse(delivered.deliveredAt)).toBeGreaterThanOrEqual(WINDOW_MS);
    expect((await open(buyer, orderId, { lineIds: [scarf], reason: 'damaged', description: 'Late.' })).body.error.code).toBe('dispute_window_closed');
    await waitFor(() => received.find((message) => message.key === orderId && message.event.type === 'marketplace.orders.OrderDisputeWindowClosed.v1'), {
      timeoutMs: 60_000,
      description: 'OrderDisputeWindowClosed on the bus',
    });
  });

  it('rebuilds the disputes read model (lists and windows) from the streams to the same rows', async () => {
    const { shippedOrder, open, listed } = scenes;
    const { orderId, scarf } = await shippedOrder(buyer, seller, otherSeller);
    const { disputeId } = (await open(buyer, orderId, { lineIds: [scarf], reason: 'other', description: 'Rebuild me.' })).body;
    await listed(admin, disputeId, 'open');
    const snapshot = async () => ({
      disputes: await app.db('dispute_summaries').orderBy('dispute_id').select('dispute_id', 'status', 'outcome', 'refund_amount', 'responses', 'seller_ids', 'opened_at'),
      windows: await app.db('dispute_windows').orderBy('order_id').select('*'),
    });
    const before = await snapshot();
    expect(before.disputes.length).toBeGreaterThan(5);
    const result = await app.projections.rebuild('dispute-read-model');
    expect(result.events).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });
});
