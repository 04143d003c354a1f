import { randomUUID } from 'node:crypto';
import { PAYOUT_PROVIDER, type PayoutProviderPort } from '../src/payouts/application/payout-provider';
import { PayoutScheduler } from '../src/payouts/application/payout-scheduler';
import { call, caller, type Caller } from './http';
import { balanceBecomes, ordersMessages, placeAndPay } from './ledger-fixtures';
import { type PaymentsTestApp, startPayments } from './payments-app';

describe('seller payouts', () => {
  let app: PaymentsTestApp;
  let admin: Caller;

  beforeAll(async () => {
    app = await startPayments({ PAYOUT_MINIMUM: '1', PAYOUT_INTERVAL_MS: '3600000' });
    admin = await caller(app, ['admin']);
  });

  afterAll(async () => {
    await app?.close();
  });

  afterEach(() => jest.restoreAllMocks());

  /** A seller with `amount` less 10% available. */
  async function sellerWithAvailable(amount: number): Promise<Caller> {
    const seller = await caller(app, ['seller']);
    const order = await placeAndPay(app, [[seller.id, amount]]);
    await app.publish([ordersMessages.windowClosed(order)]);
    await balanceBecomes(app, seller, { pending: 0, held: 0, available: amount * 0.9, inTransit: 0, paid: 0 });
    return seller;
  }

  const scheduledFor = async (sellerId: string) =>
    (await app.store.readAll()).filter((event) => event.type === 'SellerPayoutScheduled' && (event.data as { sellerId: string }).sellerId === sellerId).map((event) => event.data);

  it('never pays more than is available, whatever passes run at once (with or without the lease)', async () => {
    const seller = await sellerWithAvailable(5000);
    const scheduler = app.service.app.get(PayoutScheduler);
    const runs = await Promise.all([
      ...Array.from({ length: 4 }, () => scheduler.pass()),
      ...Array.from({ length: 3 }, () => call(app, 'POST', '/admin/payouts/run', { as: admin })),
    ]);
    expect(runs.slice(4).map((answer) => ('status' in answer ? answer.status : 0)).every((status) => status === 200 || status === 409)).toBe(true);
    expect(await scheduledFor(seller.id)).toEqual([{ payoutId: expect.any(String), sellerId: seller.id, amount: { amount: 4500, currency: 'EUR' }, scheduledAt: expect.any(String) }]);
    await balanceBecomes(app, seller, { pending: 0, held: 0, available: 0, inTransit: 0, paid: 4500 });
  });

  it('puts a refused payout back into available, then pays it with the next payout', async () => {
    const seller = await sellerWithAvailable(1000);
    const provider = app.service.app.get<PayoutProviderPort>(PAYOUT_PROVIDER);
    jest.spyOn(provider, 'pay').mockResolvedValueOnce({ kind: 'failed', failureCode: 'account_closed', message: 'The bank account is closed.' });
    await call(app, 'POST', '/admin/payouts/run', { as: admin });
    await balanceBecomes(app, seller, { pending: 0, held: 0, available: 900, inTransit: 0, paid: 0 });
    await call(app, 'POST', '/admin/payouts/run', { as: admin });
    await balanceBecomes(app, seller, { pending: 0, held: 0, available: 0, inTransit: 0, paid: 900 });
    const list = await call(app, 'GET', '/seller/payouts?limit=1', { as: seller });
    expect(list.body.items.map((item: { status: string }) => item.status)).toEqual(['paid']);
    const next = await call(app, 'GET', `/seller/payouts?limit=1&cursor=${list.body.nextCursor}`, { as: seller });
    expect(next.body).toEqual({ items: [expect.objectContaining({ status: 'failed', failureCode: 'account_closed', amount: { amount: 900, currency: 'EUR' } })], nextCursor: null });
  });

  it('keeps a payout whose provider did not answer in transit, and pays that same payout on the next pass', async () => {
    const seller = await sellerWithAvailable(2000);
    const provider = app.service.app.get<PayoutProviderPort>(PAYOUT_PROVIDER);
    jest.spyOn(provider, 'pay').mockRejectedValueOnce(new Error('connection reset'));
    await call(app, 'POST', '/admin/payouts/run', { as: admin });
    await balanceBecomes(app, seller, { pending: 0, held: 0, available: 0, inTransit: 1800, paid: 0 });
    await call(app, 'POST', '/admin/payouts/run', { as: admin });
    await balanceBecomes(app, seller, { pending: 0, held: 0, available: 0, inTransit: 0, paid: 1800 });
    expect(await scheduledFor(seller.id)).toHaveLength(1);
  });

  it('pays nobody below PAYOUT_MINIMUM', async () => {
    const small = await startPayments({ PAYOUT_MINIMUM: '100000', PAYOUT_INTERVAL_MS: '3600000' });
    try {
      const smallAdmin = await caller(small, ['admin']);
      const seller = await caller(small, ['seller']);
      const order = await placeAndPay(small, [[seller.id, 1000]]);
      await small.publish([ordersMessages.windowClosed(order)]);
      await balanceBecomes(small, seller, { pending: 0, held: 0, available: 900, inTransit: 0, paid: 0 });
      expect((await call(small, 'POST', '/admin/payouts/run', { as: smallAdmin })).body).toEqual({ scheduled: [] });
    } finally {
      await small.close();
    }
  });

  it('shows a seller without payouts an empty list', async () => {
    const stranger = await caller(app, ['seller'], randomUUID());
    expect((await call(app, 'GET', '/seller/payouts', { as: stranger })).body).toEqual({ items: [], nextCursor: null });
  });
});
