import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { waitFor } from '@marketplace/testing';
import { MarketplaceActors } from '../support/marketplace-actors';
import { MarketplaceStack } from '../support/marketplace-stack';

// A build, five processes, Kafka group joins.
jest.setTimeout(300_000);

const WEBHOOK_SECRET = `whsec_${randomBytes(16).toString('hex')}`;

/**
 * The checkout through the gateway, every service its own process, on real PostgreSQL and the real bus
 * (Kafka when the run has a broker); payments on its simulated provider, which gives Stripe's outcomes
 * for Stripe's test PaymentMethod ids. Counts come from the event stores and the catalog's tables.
 */
describe('checkout e2e', () => {
  let stack: MarketplaceStack;
  let people: MarketplaceActors;
  let seller: { id: string; token: string };

  beforeAll(async () => {
    stack = await MarketplaceStack.start({
      label: 'checkout',
      env: { orders: { ORDER_PRICING: JSON.stringify({ GB: { shipping: { EUR: 800 }, taxBasisPoints: 2000 } }) }, payments: { STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET } },
    });
    people = new MarketplaceActors(stack);
    seller = await people.seller();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const paymentsOf = async (buyer: { token: string }, orderId: string) => (await stack.api.get(`/payments?orderId=${orderId}`, buyer.token)).body as { items: Record<string, any>[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const paymentStream = (paymentId: string) => stack.db('payments.events').where({ stream_id: `payment-${paymentId}` }).orderBy('revision').pluck('type');

  it('pm_card_visa: confirmed, stock committed, payment captured, and the history shows every step with its time', async () => {
    const productId = await people.product(seller, { price: 1999, onHand: 5 });
    const buyer = await people.buyer();
    const orderId = await people.checkout(buyer, productId, { quantity: 2, requestId: `visa-${randomBytes(4).toString('hex')}` });
    const order = await people.finalOrder(buyer, orderId);
    expect(order).toMatchObject({ status: 'confirmed', total: { amount: 3998 + 800 + 960, currency: 'EUR' } });
    await waitFor(async () => (await people.stock(productId)).reserved === 0, { timeoutMs: 30_000, description: 'the stock committed' });
    expect(await people.stock(productId)).toEqual({ onHand: 3, reserved: 0 });

    const payment = await waitFor(async () => (await paymentsOf(buyer, orderId)).items.find((p) => p.status === 'captured'), { timeoutMs: 30_000 });
    expect(payment).toMatchObject({ orderId, status: 'captured', provider: 'simulated' });
    expect(await paymentStream(payment.id)).toEqual(expect.arrayContaining(['PaymentInitiated', 'PaymentCaptured']));

    const history = (await stack.api.get(`/orders/${orderId}/history`, buyer.token)).body as { events: { type: string; recordedAt: string; correlationId: string }[] };
    expect(history.events.map((event) => event.type)).toEqual(['OrderPlaced', 'OrderStockReserved', 'OrderPaymentRequested', 'OrderConfirmed']);
    const times = history.events.map((event) => Date.parse(event.recordedAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // One correlation id from the buyer's request, carried by catalog and payments to every step.
    expect(new Set(history.events.map((event) => event.correlationId))).toEqual(new Set([history.events[0].correlationId]));
  });

  it('pm_card_chargeDeclined: cancelled with payment_failed, stock released, nothing captured', async () => {
    const productId = await people.product(seller, { onHand: 3 });
    const buyer = await people.buyer();
    const orderId = await people.checkout(buyer, productId, { paymentMethod: 'pm_card_chargeDeclined' });
    expect(await people.finalOrder(buyer, orderId)).toMatchObject({ status: 'cancelled', cancellation: { reason: 'payment_failed', detail: 'generic_decline' } });
    await waitFor(async () => (await people.stock(productId)).reserved === 0, { timeoutMs: 30_000, description: 'the stock released' });
    expect(await people.stock(productId)).toEqual({ onHand: 3, reserved: 0 });
    const [payment] = (await paymentsOf(buyer, orderId)).items;
    expect(payment).toMatchObject({ status: 'failed', failure: { code: 'card_declined' } });
    const stream = await paymentStream(payment.id);
    expect(stream).toContain('PaymentFailed');
    expect(stream).not.toContain('PaymentCaptured');
  });

  it('out of stock: cancelled with out_of_stock, and no payment started', async () => {
    const productId = await people.product(seller, { onHand: 1 });
    const buyer = await people.buyer();
    const orderId = await people.checkout(buyer, productId, { quantity: 2 });
    expect(await people.finalOrder(buyer, orderId)).toMatchObject({ status: 'cancelled', cancellation: { reason: 'out_of_stock' }, paymentId: null });
    expect(await stack.db('payments.payments').where({ order_id: orderId }).first()).toBeUndefined();
    expect(await people.stock(productId)).toEqual({ onHand: 1, reserved: 0 });
  });

  it('100 buyers check out at once for 10 units: exactly 10 confirmed, 90 cancelled, on hand 0, reserved 0', async () => {
    const productId = await people.product(seller, { onHand: 10 });
    const buyers = await Promise.all(Array.from({ length: 100 }, () => people.buyer()));
    const orders = await Promise.all(buyers.map(async (buyer) => ({ buyer, orderId: await people.checkout(buyer, productId) })));
    const finals = await Promise.all(orders.map(({ buyer, orderId }) => people.finalOrder(buyer, orderId, 180_000)));
    expect(finals.filter((order) => order.status === 'confirmed')).toHaveLength(10);
    const cancelled = finals.filter((order) => order.status === 'cancelled');
    expect(cancelled).toHaveLength(90);
    expect(new Set(cancelled.map((order) => (order.cancellation as { reason: string }).reason))).toEqual(new Set(['out_of_stock']));
    await waitFor(async () => (await people.stock(productId)).reserved === 0, { timeoutMs: 60_000, description: 'every reservation settled' });
    expect(await people.stock(productId)).toEqual({ onHand: 0, reserved: 0 });
  });

  it('?asOf before the capture shows the order awaiting payment; after, confirmed', async () => {
    const productId = await people.product(seller, { onHand: 2 });
    const buyer = await people.buyer();
    const orderId = await people.checkout(buyer, productId);
    await people.finalOrder(buyer, orderId);
    const history = (await stack.api.get(`/orders/${orderId}/history`, buyer.token)).body as { events: { type: string; recordedAt: string }[] };
    const requested = history.events.find((event) => event.type === 'OrderPaymentRequested')?.recordedAt as string;
    const then = await stack.api.get(`/orders/${orderId}?asOf=${encodeURIComponent(requested)}`, buyer.token);
    expect(then.body).toMatchObject({ status: 'payment_requested' });
    const after = await stack.api.get(`/orders/${orderId}?asOf=${encodeURIComponent(new Date().toISOString())}`, buyer.token);
    expect(after.body).toMatchObject({ status: 'confirmed' });
  });

  it('partial refunds by an admin summing to the capture succeed, one more minor unit is a 422, and the order shows them', async () => {
    const productId = await people.product(seller, { price: 1000, onHand: 2 });
    const buyer = await people.buyer();
    const orderId = await people.checkout(buyer, productId);
    const order = await people.finalOrder(buyer, orderId);
    expect(order.status).toBe('confirmed');
    const total = (order.total as { amount: number }).amount;
    const paymentId = order.paymentId as string;
    const admin = await people.admin();
    const refund = (amount: number) => stack.api.post(`/admin/payments/${paymentId}/refunds`, { amount: { amount, currency: 'EUR' }, reason: 'damaged in transit' }, admin);
    await waitFor(async () => (await paymentsOf(buyer, orderId)).items[0]?.status === 'captured', { timeoutMs: 30_000 });
    expect((await refund(500)).status).toBe(201);
    expect((await refund(total - 500)).status).toBe(201);
    const oneMore = await refund(1);
    expect(oneMore.status).toBe(422);
    expect((await stack.api.post(`/admin/payments/${paymentId}/refunds`, { reason: 'by a buyer' }, buyer.token)).status).toBe(403);
    const refunded = await waitFor(async () => {
      const read = (await stack.api.get(`/orders/${orderId}`, buyer.token)).body as { status: string; refunded: { amount: number } };
      return read.status === 'refunded' ? read : undefined;
    }, { timeoutMs: 30_000, description: 'the order refunded' });
    expect(refunded.refunded.amount).toBe(total);
  });

  it('3-D Secure completed by a signed webhook through the gateway: delivered 3 times, one capture; a bad signature is a 400 and changes nothing', async () => {
    const productId = await people.product(seller, { onHand: 2 });
    const buyer = await people.buyer();
    const orderId = await people.checkout(buyer, productId, { paymentMethod: 'pm_card_threeDSecure2Required' });
    const payment = await waitFor(async () => (await paymentsOf(buyer, orderId)).items.find((p) => p.status === 'requires_action'), { timeoutMs: 30_000 });
    const event = {
      id: `evt_${randomBytes(8).toString('hex')}`,
      object: 'event',
      type: 'payment_intent.succeeded',
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: payment.providerPaymentId, object: 'payment_intent', status: 'succeeded', amount: payment.amount.amount, amount_received: payment.amount.amount, currency: 'eur', metadata: { paymentId: payment.id, orderId } } },
    };
    const raw = JSON.stringify(event);
    const deliver = (signature: string) => stack.api.request('/webhooks/stripe', { method: 'POST', raw, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });
    const forged = await deliver(Stripe.webhooks.generateTestHeaderString({ payload: raw, secret: 'whsec_not-ours' }));
    expect(forged.status).toBe(400);
    expect(await paymentStream(payment.id)).toContain('PaymentRequiresAction');
    expect(await paymentStream(payment.id)).not.toContain('PaymentCaptured');

    const signature = Stripe.webhooks.generateTestHeaderString({ payload: raw, secret: WEBHOOK_SECRET });
    for (let i = 0; i < 3; i++) expect((await deliver(signature)).status).toBe(200);
    expect(await people.finalOrder(buyer, orderId)).toMatchObject({ status: 'confirmed' });
    expect((await paymentStream(payment.id)).filter((type) => type === 'PaymentCaptured')).toHaveLength(1);
  });
});
