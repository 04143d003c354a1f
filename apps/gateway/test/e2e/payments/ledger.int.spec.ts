import { waitFor } from '@marketplace/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { MarketplaceActors, SHIPPING_ADDRESS } from '../support/marketplace-actors';
import { MarketplaceStack } from '../support/marketplace-stack';

// A build, five processes, Kafka group joins.
jest.setTimeout(300_000);

const WEBHOOK_SECRET = `whsec_${randomBytes(16).toString('hex')}`;

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
        payments: { PAYOUT_MINIMUM: '1', PAYOUT_INTERVAL_MS: '3600000', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET },
      },
    });
    people = new MarketplaceActors(stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const balanceOf = async (seller: { token: string }) => (await stack.api.get('/seller/balance', seller.token)).body as { items: Record<string, unknown>[] };

  /** Waits until the seller's EUR balance is exactly this. */
  async function balanceBecomes(seller: { token: string }, expected: { pending: number; held: number; available: number; inTransit: number; paid: number }, description: string) {
    const wanted = JSON.stringify([{ currency: 'EUR', ...expected }]);
    let last: unknown;
    await waitFor(async () => JSON.stringify((last = (await balanceOf(seller)).items)) === wanted, { timeoutMs: 60_000, description }).catch((error: Error) => {
      throw new Error(`${error.message}: balance ${JSON.stringify(last)}, expected ${wanted}`);
    });
  }

  /** A signed Stripe dispute event about the payment (by its PaymentIntent id), posted through the gateway. */
  async function disputeWebhook(type: 'charge.dispute.created' | 'charge.dispute.closed', paymentId: string, status: string, amount: number) {
    const event = {
      id: `evt_${randomBytes(8).toString('hex')}`,
      object: 'event',
      type,
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: 'dp_e2e_mixed', object: 'dispute', amount, currency: 'eur', reason: 'fraudulent', status, charge: 'ch_e2e', payment_intent: `pi_sim_${paymentId.replace(/-/g, '')}`, metadata: {} } },
    };
    const raw = JSON.stringify(event);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: raw, secret: WEBHOOK_SECRET });
    const answer = await stack.api.request('/webhooks/stripe', { method: 'POST', raw, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });
    expect(answer).toMatchObject({ status: 200, body: { received: true, result: 'applied' } });
  }

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

  it('matches hand-computed balances after sales of two sellers, a partial refund, a lost chargeback and a payout', async () => {
    const [a, b] = [await people.seller(), await people.seller()];
    const [productA, productB] = [await people.product(a, { price: 3000, onHand: 5 }), await people.product(b, { price: 2000, onHand: 5 })];
    const buyer = await people.buyer();
    const placed = await stack.api.request('/orders', {
      method: 'POST',
      json: { items: [{ productId: productA, quantity: 1 }, { productId: productB, quantity: 1 }], shippingAddress: SHIPPING_ADDRESS, paymentMethod: 'pm_card_visa' },
      token: buyer.token,
      headers: { 'idempotency-key': randomUUID() },
    });
    const first = (placed.body as { orderId: string }).orderId;
    // 30.00 + 20.00, shipping 8.00, tax 20% of 58.00 = 11.60: 69.60. A is owed 27.00, B 18.00.
    const order = await people.finalOrder(buyer, first, 120_000);
    expect(order).toMatchObject({ status: 'confirmed', total: { amount: 6960, currency: 'EUR' } });
    await balanceBecomes(a, { pending: 2700, held: 0, available: 0, inTransit: 0, paid: 0 }, "A's sale");
    await balanceBecomes(b, { pending: 1800, held: 0, available: 0, inTransit: 0, paid: 0 }, "B's sale");

    // 6.96 back, over 30.00 : 20.00 : 19.60 (shipping and tax) -> A 3.00 (0.30 commission back), B 2.00 (0.20).
    const admin = await people.admin();
    expect((await stack.api.post(`/admin/payments/${order.paymentId as string}/refunds`, { amount: { amount: 696, currency: 'EUR' }, reason: 'late delivery' }, admin)).status).toBe(201);
    await balanceBecomes(a, { pending: 2430, held: 0, available: 0, inTransit: 0, paid: 0 }, "A after the refund");
    await balanceBecomes(b, { pending: 1620, held: 0, available: 0, inTransit: 0, paid: 0 }, "B after the refund");
    for (const seller of [a, b]) expect((await stack.api.post(`/seller/orders/${first}/ship`, { carrier: 'DHL', trackingNumber: `JD-${randomUUID().slice(0, 8)}` }, seller.token)).status).toBe(200);
    expect((await stack.api.post(`/orders/${first}/confirm-delivery`, {}, buyer.token)).status).toBe(200);
    await balanceBecomes(a, { pending: 0, held: 0, available: 2430, inTransit: 0, paid: 0 }, "A's money payable");
    await balanceBecomes(b, { pending: 0, held: 0, available: 1620, inTransit: 0, paid: 0 }, "B's money payable");

    // A second order of A's (30.00 + 8.00 shipping + 7.60 tax = 45.60) meets a chargeback: held, then lost for 22.80,
    // over 30.00 : 15.60 -> 15.00 of A's line (1.50 commission back): A loses 13.50 and keeps 13.50, not payable yet.
    const second = await people.checkout(buyer, productA);
    const secondOrder = await people.finalOrder(buyer, second, 120_000);
    expect(secondOrder).toMatchObject({ status: 'confirmed', total: { amount: 4560, currency: 'EUR' } });
    await balanceBecomes(a, { pending: 2700, held: 0, available: 2430, inTransit: 0, paid: 0 }, "A's second sale");
    await disputeWebhook('charge.dispute.created', secondOrder.paymentId as string, 'needs_response', 2280);
    await balanceBecomes(a, { pending: 0, held: 2700, available: 2430, inTransit: 0, paid: 0 }, "A's second order held");
    await disputeWebhook('charge.dispute.closed', secondOrder.paymentId as string, 'lost', 2280);
    await balanceBecomes(a, { pending: 1350, held: 0, available: 2430, inTransit: 0, paid: 0 }, 'the lost chargeback charged to A');

    const run = await stack.api.post('/admin/payouts/run', {}, admin);
    expect(run.status).toBe(200);
    await balanceBecomes(a, { pending: 1350, held: 0, available: 0, inTransit: 0, paid: 2430 }, "A's payout");
    await balanceBecomes(b, { pending: 0, held: 0, available: 0, inTransit: 0, paid: 1620 }, "B's payout");
  });
});
