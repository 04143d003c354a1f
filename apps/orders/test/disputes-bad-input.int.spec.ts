import { randomUUID } from 'node:crypto';
import { disputeScenes } from './disputes-helpers';
import { type Caller, OrdersTestApp } from './orders-app';

jest.setTimeout(180_000);

describe('disputes: bad input is a 400 with nothing written; access per role', () => {
  let app: OrdersTestApp;
  let buyer: Caller;
  let seller: Caller;
  let otherSeller: Caller;
  let admin: Caller;
  let scenes: ReturnType<typeof disputeScenes>;
  let order: { orderId: string; scarf: string; mittens: string };
  let disputeId: string;

  beforeAll(async () => {
    app = await OrdersTestApp.start();
    scenes = disputeScenes(app);
    [buyer, seller, otherSeller, admin] = await Promise.all([app.caller(['buyer']), app.caller(['buyer', 'seller']), app.caller(['buyer', 'seller']), app.caller(['admin'])]);
    order = await scenes.shippedOrder(buyer, seller, otherSeller);
    disputeId = (await scenes.open(buyer, order.orderId, { lineIds: [order.scarf], reason: 'damaged', description: 'Torn.' })).body.disputeId;
  });

  afterAll(async () => {
    await app?.close();
  });

  const written = async () => ({
    order: (await app.orderEvents(order.orderId)).length,
    dispute: (await app.store.readStream(`dispute-${disputeId}`)).length,
    requests: Number((await app.db('dispute_requests').count<{ count: string }[]>('* as count'))[0].count),
  });

  // Validation comes first: the line named needs no order to be refused.
  const line = '11111111-1111-4111-8111-111111111111';
  const valid = () => ({ lineIds: [line], reason: 'damaged', description: 'Holes.' });
  it.each([
    ['an unknown field', { ...valid(), extra: 1 }],
    ['no lines', { ...valid(), lineIds: [] }],
    ['a line twice', { ...valid(), lineIds: [line, line] }],
    ['a line that is no UUID', { ...valid(), lineIds: ['scarf'] }],
    ['the chargeback reason', { ...valid(), reason: 'chargeback' }],
    ['an unknown reason', { ...valid(), reason: 'meh' }],
    ['an empty description', { ...valid(), description: '   ' }],
    ['a bidi override in the description', { ...valid(), description: 'ok\u202Eevil' }],
    ['a description too long', { ...valid(), description: 'x'.repeat(4001) }],
    ['an array for the body', ['not', 'an', 'object']],
  ])('refuses to open a dispute with %s', async (_case, body) => {
    const before = await written();
    const answer = await scenes.open(buyer, order.orderId, body as object, randomUUID());
    expect(answer).toMatchObject({ status: 400, body: { error: { code: expect.any(String), request_id: expect.any(String) } } });
    expect(await written()).toEqual(before);
  });

  it('refuses a bad order id, Idempotency-Key, dispute id, response or decision with a 400 and writes nothing', async () => {
    const before = await written();
    const mittens = { ...valid(), lineIds: [order.mittens] };
    expect((await app.call('POST', '/orders/not-a-uuid/disputes', { as: buyer, body: mittens })).status).toBe(400);
    expect((await scenes.open(buyer, order.orderId, mittens, 'key with spaces')).status).toBe(400);
    expect((await app.call('GET', '/disputes/not-a-uuid', { as: buyer })).status).toBe(400);
    expect((await app.call('GET', '/disputes?status=maybe', { as: buyer })).status).toBe(400);
    expect((await app.call('GET', '/disputes?cursor=forged', { as: buyer })).status).toBe(400);
    expect((await scenes.respond(buyer, disputeId, '')).status).toBe(400);
    expect((await app.call('POST', `/disputes/${disputeId}/responses`, { as: buyer, body: { message: 'hi', extra: true } })).status).toBe(400);
    for (const body of [
      { decision: 'refund_all' },
      { decision: 'refund', amount: { amount: 10.5, currency: 'EUR' } },
      { decision: 'refund', amount: { amount: -1, currency: 'EUR' } },
      { decision: 'refund', amount: { amount: '100', currency: 'EUR' } },
      { decision: 'refund', amount: { amount: 100, currency: 'eur' } },
      { decision: 'reject', amount: { amount: 100, currency: 'EUR' } },
      { decision: 'reject', note: '' },
    ]) {
      expect((await scenes.resolve(admin, disputeId, body)).status).toBe(400);
    }
    expect(await written()).toEqual(before);
  });

  it('shows a dispute to its parties and admins only; others get 404, an unauthenticated caller 401', async () => {
    const stranger = await app.caller(['buyer', 'seller']);
    for (const as of [buyer, seller, admin]) expect((await app.call('GET', `/disputes/${disputeId}`, { as })).status).toBe(200);
    expect((await app.call('GET', `/disputes/${disputeId}`, { as: stranger })).status).toBe(404);
    // otherSeller sells a line of the order, but not a disputed one.
    expect((await app.call('GET', `/disputes/${disputeId}`, { as: otherSeller })).status).toBe(404);
    expect((await scenes.respond(otherSeller, disputeId, 'Not mine')).status).toBe(404);
    expect((await app.call('GET', `/disputes/${randomUUID()}`, { as: admin })).status).toBe(404);
    expect((await app.call('GET', '/disputes')).status).toBe(401);
    expect((await scenes.resolve(seller, disputeId, { decision: 'reject' })).status).toBe(403);
    const mittens = { ...valid(), lineIds: [order.mittens] };
    expect((await scenes.open(seller, order.orderId, mittens)).status).toBe(404);
    expect((await scenes.open(admin, order.orderId, mittens)).status).toBe(403);
  });
});
