import { waitFor } from '@marketplace/testing';
import { MarketplaceActors } from '../support/marketplace-actors';
import { MarketplaceStack } from '../support/marketplace-stack';

// A build, five processes, Kafka group joins.
jest.setTimeout(300_000);

/**
 * The seller's money through the gateway, every service its own process on the real bus: a delivered
 * order's lines become payable when orders closes its dispute window (made short here), a payout run
 * pays them, and the seller sees both.
 */
describe('seller ledger and payouts e2e', () => {
  let stack: MarketplaceStack;
  let people: MarketplaceActors;

  beforeAll(async () => {
    stack = await MarketplaceStack.start({
      label: 'ledger',
      env: {
        orders: { ORDER_PRICING: JSON.stringify({ GB: { shipping: { EUR: 800 }, taxBasisPoints: 2000 } }), DISPUTE_WINDOW_MS: '1000', ORDER_DEADLINE_POLL_MS: '250' },
        payments: { PAYOUT_MINIMUM: '1', PAYOUT_INTERVAL_MS: '3600000' },
      },
    });
    people = new MarketplaceActors(stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const balanceOf = async (seller: { token: string }) => (await stack.api.get('/seller/balance', seller.token)).body as { items: Record<string, unknown>[] };

  it("owes the seller its lines less 10% once captured, makes it payable when the window closes, and pays it out", async () => {
    const seller = await people.seller();
    const productId = await people.product(seller, { price: 1999, onHand: 5 });
    const buyer = await people.buyer();
    const orderId = await people.checkout(buyer, productId, { quantity: 2 });
    expect(await people.finalOrder(buyer, orderId, 120_000)).toMatchObject({ status: 'confirmed' });
    // 2 x 19.99 = 39.98, commission 3.998 -> 4.00 (half up): 35.98 owed; shipping and tax are the marketplace's.
    const pending = { currency: 'EUR', pending: 3598, held: 0, available: 0, inTransit: 0, paid: 0 };
    await waitFor(async () => JSON.stringify((await balanceOf(seller)).items) === JSON.stringify([pending]), { timeoutMs: 30_000, description: 'the sale in the ledger' });

    expect((await stack.api.post(`/seller/orders/${orderId}/ship`, { carrier: 'DHL', trackingNumber: 'JD0001' }, seller.token)).status).toBe(200);
    expect((await stack.api.post(`/orders/${orderId}/confirm-delivery`, {}, buyer.token)).status).toBe(200);
    const available = { ...pending, pending: 0, available: 3598 };
    await waitFor(async () => JSON.stringify((await balanceOf(seller)).items) === JSON.stringify([available]), { timeoutMs: 60_000, description: 'the money payable after the window' });

    const admin = await people.admin();
    expect((await stack.api.get('/seller/balance', buyer.token)).status).toBe(403);
    expect((await stack.api.post('/admin/payouts/run', {}, seller.token)).status).toBe(403);
    const run = await stack.api.post('/admin/payouts/run', {}, admin);
    expect(run.status).toBe(200);
    const [payout] = (run.body as { scheduled: { payoutId: string }[] }).scheduled;
    expect(run.body).toEqual({ scheduled: [{ payoutId: expect.any(String), sellerId: seller.id, amount: { amount: 3598, currency: 'EUR' } }] });

    const paid = { ...pending, pending: 0, paid: 3598 };
    await waitFor(async () => JSON.stringify((await balanceOf(seller)).items) === JSON.stringify([paid]), { timeoutMs: 30_000, description: 'the payout paid' });
    const payouts = await stack.api.get('/seller/payouts', seller.token);
    expect(payouts.body).toEqual({
      items: [{ payoutId: payout.payoutId, amount: { amount: 3598, currency: 'EUR' }, status: 'paid', providerPayoutId: expect.stringMatching(/^po_sim_/), failureCode: null, scheduledAt: expect.any(String) }],
      nextCursor: null,
    });
    const stored = await stack.db('payments.events').where({ stream_id: `payout-${payout.payoutId}` }).orderBy('revision').pluck('type');
    expect(stored).toEqual(['SellerPayoutScheduled', 'SellerPayoutPaid']);
  });
});
