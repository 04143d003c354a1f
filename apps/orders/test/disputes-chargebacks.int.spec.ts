import { randomUUID } from 'node:crypto';
import { waitFor } from '@marketplace/testing';
import { chargebackCaseId } from '../src/disputes/application/chargeback-cases.service';
import { disputeScenes } from './disputes-helpers';
import { type Caller, OrdersTestApp } from './orders-app';

jest.setTimeout(180_000);

describe('chargebacks from payments become admin cases', () => {
  let app: OrdersTestApp;
  let buyer: Caller;
  let seller: Caller;
  let otherSeller: Caller;
  let admin: Caller;
  let scenes: ReturnType<typeof disputeScenes>;

  beforeAll(async () => {
    app = await OrdersTestApp.start();
    scenes = disputeScenes(app);
    [buyer, seller, otherSeller, admin] = await Promise.all([app.caller(['buyer']), app.caller(['buyer', 'seller']), app.caller(['buyer', 'seller']), app.caller(['admin'])]);
  });

  afterAll(async () => {
    await app?.close();
  });

  const chargeback = (orderId: string, paymentId: string, chargebackId: string, id?: string) =>
    app.publish(
      'marketplace.payments.ChargebackOpened.v1',
      paymentId,
      { chargebackId, paymentId, orderId, amount: { amount: 11950, currency: 'EUR' }, provider: 'stripe', providerDisputeId: `dp_${chargebackId.slice(0, 8)}`, reason: 'fraudulent', openedAt: new Date().toISOString() },
      id,
    );
  const caseEvents = (disputeId: string, count: number) =>
    waitFor(async () => {
      const events = await app.store.readStream(`dispute-${disputeId}`);
      return events.length >= count ? events : undefined;
    }, { timeoutMs: 30_000, description: `dispute ${disputeId} with ${count} events` });

  it('opens a case on every line (once per chargeback), for admins only; refunds are refused, the closing resolves it', async () => {
    const { orderId, paymentId, scarf, mittens } = await scenes.shippedOrder(buyer, seller, otherSeller, { shipOther: false });
    const chargebackId = randomUUID();
    const eventId = randomUUID();
    await chargeback(orderId, paymentId, chargebackId, eventId);
    await chargeback(orderId, paymentId, chargebackId, randomUUID());
    const disputeId = chargebackCaseId(chargebackId);
    const [opened] = await caseEvents(disputeId, 1);
    expect(opened.data).toMatchObject({ kind: 'chargeback', reason: 'chargeback', chargebackId, paymentId, lines: [{ productId: scarf }, { productId: mittens }] });

    // The case holds every line: the buyer cannot dispute one meanwhile.
    expect((await scenes.open(buyer, orderId, { lineIds: [scarf], reason: 'damaged', description: 'Torn.' })).body.error.code).toBe('line_already_disputed');
    expect((await app.call('GET', `/disputes/${disputeId}`, { as: buyer })).status).toBe(404);
    expect((await app.call('GET', `/disputes/${disputeId}`, { as: seller })).status).toBe(404);
    expect((await scenes.respond(seller, disputeId, 'Mine?')).status).toBe(404);
    await scenes.listed(admin, disputeId, 'open');

    expect((await scenes.resolve(admin, disputeId, { decision: 'refund' })).body.error.code).toBe('chargeback_not_refundable');
    expect((await scenes.resolve(admin, disputeId, { decision: 'request_return' })).status).toBe(422);
    expect((await scenes.respond(admin, disputeId, 'Evidence sent to the bank.')).status).toBe(201);

    await app.publish('marketplace.payments.ChargebackClosed.v1', paymentId, { chargebackId, paymentId, orderId, amount: { amount: 11950, currency: 'EUR' }, outcome: 'won', closedAt: new Date().toISOString() });
    const events = await caseEvents(disputeId, 3);
    expect(events.map((event) => event.type)).toEqual(['DisputeOpened', 'DisputeResponded', 'DisputeResolved']);
    expect(events[2].data).toMatchObject({ outcome: 'closed', resolvedBy: '00000000-0000-0000-0000-000000000000' });
    // Closed, the case no longer holds the lines.
    expect((await scenes.open(buyer, orderId, { lineIds: [scarf], reason: 'damaged', description: 'Torn.' })).status).toBe(201);
  });

  it('lets an admin reject a case; a later closing of its chargeback changes nothing', async () => {
    const { orderId, paymentId } = await scenes.shippedOrder(buyer, seller, otherSeller);
    const chargebackId = randomUUID();
    await chargeback(orderId, paymentId, chargebackId);
    const disputeId = chargebackCaseId(chargebackId);
    await caseEvents(disputeId, 1);
    expect((await scenes.resolve(admin, disputeId, { decision: 'reject', note: 'Delivered with a signature.' })).body.resolution.outcome).toBe('rejected');
    await app.publish('marketplace.payments.ChargebackClosed.v1', paymentId, { chargebackId, paymentId, orderId, amount: { amount: 11950, currency: 'EUR' }, outcome: 'lost', closedAt: new Date().toISOString() });
    // A later event on the same partition shows the closing was handled.
    const marker = randomUUID();
    await chargeback(orderId, paymentId, marker);
    await caseEvents(chargebackCaseId(marker), 1);
    expect((await app.store.readStream(`dispute-${disputeId}`)).map((event) => event.type)).toEqual(['DisputeOpened', 'DisputeResolved']);
  });

  it('ignores a chargeback of an order it does not know', async () => {
    const chargebackId = randomUUID();
    const paymentId = randomUUID();
    await chargeback(randomUUID(), paymentId, chargebackId);
    const marker = randomUUID();
    const { orderId } = await scenes.shippedOrder(buyer, seller, otherSeller);
    await chargeback(orderId, paymentId, marker);
    await caseEvents(chargebackCaseId(marker), 1);
    expect(await app.store.readStream(`dispute-${chargebackCaseId(chargebackId)}`)).toEqual([]);
  });
});
