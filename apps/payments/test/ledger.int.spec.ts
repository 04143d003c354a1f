import { createCloudEvent, TOPICS } from '@marketplace/contracts';
import { ProjectionEngine } from '@marketplace/projections';
import { waitFor } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import { ledgerOrderStream } from '../src/ledger/domain/ledger-events';
import { LEDGER_PROJECTION } from '../src/ledger/infrastructure/projection/ledger.projection';
import { disputeRefundId } from '../src/payments/domain/dispute-refund';
import { call, caller, type Caller, errorBody } from './http';
import { balanceBecomes, ordersMessages, placeAndPay } from './ledger-fixtures';
import { type PaymentsTestApp, startPayments } from './payments-app';

/** A category whose products pay 5% commission instead of the default 10%. */
const LOW_COMMISSION_CATEGORY = randomUUID();

describe('the sellers ledger over HTTP (in-process)', () => {
  let app: PaymentsTestApp;
  let admin: Caller;

  beforeAll(async () => {
    app = await startPayments({ PAYOUT_MINIMUM: '1', PAYOUT_INTERVAL_MS: '3600000', COMMISSION_CATEGORY_RATES: JSON.stringify({ [LOW_COMMISSION_CATEGORY]: 500 }) });
    admin = await caller(app, ['admin']);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('owes each seller its lines less 10% from the capture, payable once the dispute window closed, then pays it out', async () => {
    const [a, b] = [await caller(app, ['seller']), await caller(app, ['seller'])];
    // A 30.00, B 20.00, shipping 5.00: A is owed 27.00, B 18.00, not payable yet.
    const order = await placeAndPay(app, [[a.id, 3000], [b.id, 2000]], 500);
    await balanceBecomes(app, a, { pending: 2700, held: 0, available: 0, inTransit: 0, paid: 0 });
    await balanceBecomes(app, b, { pending: 1800, held: 0, available: 0, inTransit: 0, paid: 0 });
    // 11.00 back, over 30 : 20 : 5 -> A 6.00 less 0.60 commission, B 4.00 less 0.40.
    const refund = await call(app, 'POST', `/admin/payments/${order.paymentId}/refunds`, { as: admin, body: { amount: { amount: 1100, currency: 'EUR' }, reason: 'late' } });
    expect(refund.status).toBe(201);
    await balanceBecomes(app, a, { pending: 2160, held: 0, available: 0, inTransit: 0, paid: 0 });
    await app.publish([ordersMessages.windowClosed(order)]);
    await balanceBecomes(app, a, { pending: 0, held: 0, available: 2160, inTransit: 0, paid: 0 });
    await balanceBecomes(app, b, { pending: 0, held: 0, available: 1440, inTransit: 0, paid: 0 });

    const run = await call(app, 'POST', '/admin/payouts/run', { as: admin });
    expect(run.status).toBe(200);
    expect(run.body.scheduled).toEqual(
      expect.arrayContaining([
        { payoutId: expect.any(String), sellerId: a.id, amount: { amount: 2160, currency: 'EUR' } },
        { payoutId: expect.any(String), sellerId: b.id, amount: { amount: 1440, currency: 'EUR' } },
      ]),
    );
    await balanceBecomes(app, a, { pending: 0, held: 0, available: 0, inTransit: 0, paid: 2160 });
    const payouts = await call(app, 'GET', '/seller/payouts', { as: a });
    expect(payouts.body).toEqual({
      items: [{ payoutId: expect.any(String), amount: { amount: 2160, currency: 'EUR' }, status: 'paid', providerPayoutId: expect.stringMatching(/^po_sim_/), failureCode: null, scheduledAt: expect.any(String) }],
      nextCursor: null,
    });
    // Nothing left to pay: a second run schedules nothing for these sellers.
    const again = await call(app, 'POST', '/admin/payouts/run', { as: admin });
    expect(again.body.scheduled.filter((payout: { sellerId: string }) => [a.id, b.id].includes(payout.sellerId))).toEqual([]);
  });

  it('holds a disputed line past the window, refunds the dispute once on a redelivered resolution, and charges it to that line', async () => {
    const [a, b] = [await caller(app, ['seller']), await caller(app, ['seller'])];
    const order = await placeAndPay(app, [[a.id, 1000], [b.id, 1000]], 200);
    const disputeId = randomUUID();
    await app.publish([ordersMessages.disputeOpened(order, disputeId, [0]), ordersMessages.windowClosed(order)]);
    await balanceBecomes(app, a, { pending: 0, held: 900, available: 0, inTransit: 0, paid: 0 });
    await balanceBecomes(app, b, { pending: 0, held: 0, available: 900, inTransit: 0, paid: 0 });

    const resolved = ordersMessages.disputeResolved(order, disputeId, admin.id, 'refunded', 600);
    await app.publish([resolved, resolved]);
    // 6.00 back on A's line: A loses 6.00 less 0.60 commission, and the rest is released.
    await balanceBecomes(app, a, { pending: 0, held: 0, available: 360, inTransit: 0, paid: 0 });
    const refunds = (await app.stream(order.paymentId)).filter((event) => event.type === 'RefundIssued');
    expect(refunds.map((event) => event.data)).toEqual([expect.objectContaining({ refundId: disputeRefundId(order.paymentId, disputeId), amount: { amount: 600, currency: 'EUR' }, issuedBy: admin.id, reason: 'dispute' })]);
    await balanceBecomes(app, b, { pending: 0, held: 0, available: 900, inTransit: 0, paid: 0 });
    // The redelivered resolution was recorded once in the order's ledger stream too.
    const recorded = await app.store.readStream(ledgerOrderStream(order.orderId));
    // (The dispute's messages are keyed by the dispute, the window's by the order: either may come first.)
    expect(recorded.map((event) => event.type).sort()).toEqual(['LedgerDisputeOpened', 'LedgerDisputeResolved', 'LedgerDisputeWindowClosed', 'LedgerOrderRecorded']);
  });

  it("takes the commission of the product's category when one is configured", async () => {
    const seller = await caller(app, ['seller']);
    const productId = randomUUID();
    const created = createCloudEvent({
      id: randomUUID(),
      time: new Date().toISOString(),
      source: 'marketplace/catalog',
      type: 'marketplace.catalog.ProductCreated.v1',
      subject: productId,
      data: { productId, sellerId: seller.id, categoryId: LOW_COMMISSION_CATEGORY, title: 'Apron', description: '', attributes: {}, imageUrls: [], price: { amount: 3000, currency: 'EUR' }, createdAt: new Date().toISOString() },
    });
    const producer = await app.bus.producer();
    await producer.send([{ topic: TOPICS.catalogProduct, key: productId, value: created }, { topic: TOPICS.catalogProduct, key: productId, value: created }]);
    await producer.close();
    await waitFor(async () => (await app.db('ledger_product_categories').where({ product_id: productId }).first()) !== undefined, { description: "the product's category" });
    // 30.00 at 5% (1.50) and 20.00 of an unknown category at the default 10% (2.00).
    await placeAndPay(app, [[seller.id, 3000, productId], [seller.id, 2000]]);
    await balanceBecomes(app, seller, { pending: 2850 + 1800, held: 0, available: 0, inTransit: 0, paid: 0 });
  });

  it('keeps every balance equal to the sum of its entries, and a rebuild from the log derives the same ledger', async () => {
    const engine = app.service.app.get(ProjectionEngine);
    await waitFor(async () => (await engine.status([LEDGER_PROJECTION]))[0]?.lag === 0, { description: 'the ledger caught up' });
    const ledger = async () => ({
      balances: await app.db('seller_balances').orderBy(['seller_id', 'currency']).select(),
      entries: await app.db('ledger_entries').orderBy(['transaction_id', 'entry_no']).select(),
      fromEntries: (
        await app.db.raw(`SELECT seller_id, currency, account, sum(amount)::bigint AS total FROM ledger_entries WHERE seller_id IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`)
      ).rows as { seller_id: string; currency: string; account: string; total: string }[],
    });
    const before = await ledger();
    expect(before.entries.length).toBeGreaterThan(20);
    for (const { seller_id: sellerId, currency, account, total } of before.fromEntries) {
      expect(before.balances.find((row) => row.seller_id === sellerId && row.currency === currency)?.[account]).toBe(total);
    }
    const unbalanced = await app.db.raw(`SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING sum(amount) <> 0`);
    expect(unbalanced.rows).toEqual([]);
    expect((await engine.rebuild(LEDGER_PROJECTION)).events).toBeGreaterThan(20);
    expect(await ledger()).toEqual(before);
  });

  it('shows a seller only its own balance and payouts, and refuses everyone else', async () => {
    const buyer = await caller(app, ['buyer']);
    const seller = await caller(app, ['seller']);
    expect(await call(app, 'GET', '/seller/balance', { as: seller })).toEqual({ status: 200, body: { items: [] } });
    expect(await call(app, 'GET', '/seller/balance', { as: buyer })).toEqual({ status: 403, body: errorBody('forbidden') });
    expect(await call(app, 'GET', '/seller/payouts', { as: admin })).toEqual({ status: 403, body: errorBody('forbidden') });
    expect(await call(app, 'POST', '/admin/payouts/run', { as: seller })).toEqual({ status: 403, body: errorBody('forbidden') });
    expect((await call(app, 'GET', '/seller/balance')).status).toBe(401);
  });

  it('answers a payout run with malformed JSON with a 400, scheduling nothing (the run reads no body)', async () => {
    const scheduled = async () => (await app.store.readAll()).filter((event) => event.type === 'SellerPayoutScheduled').length;
    const before = await scheduled();
    const answer = await call(app, 'POST', '/admin/payouts/run', { as: admin, raw: '{"oops', headers: { 'content-type': 'application/json' } });
    expect(answer).toEqual({ status: 400, body: { error: expect.objectContaining({ code: expect.any(String), request_id: expect.any(String) }) } });
    expect(await scheduled()).toBe(before);
  });

  it('answers bad paging with a 400', async () => {
    const seller = await caller(app, ['seller']);
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'cursor=nope', 'other=1']) {
      expect(await call(app, 'GET', `/seller/payouts?${query}`, { as: seller })).toEqual({ status: 400, body: errorBody('validation_failed') });
    }
  });
});
