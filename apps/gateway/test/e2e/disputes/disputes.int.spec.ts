import { SmtpTestServer, waitFor } from '@marketplace/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { MarketplaceActors } from '../support/marketplace-actors';
import { MarketplaceStack } from '../support/marketplace-stack';

// A build, six processes, Kafka group joins.
jest.setTimeout(300_000);

const WINDOW_MS = 8_000;
const WEBHOOK_SECRET = `whsec_${randomBytes(16).toString('hex')}`;

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are read field by field

/**
 * A dispute through the gateway, every service its own process on the real bus: the buyer pays by card
 * and disputes a shipped line, the seller responds, an admin refunds part of it; payments refunds that
 * part of the payment and orders records it as OrderRefunded; notifications tells each party of each
 * step. A Stripe chargeback opens an admin case; the dispute window closes even when orders was down
 * when it ran out.
 */
describe('disputes e2e', () => {
  let smtp: SmtpTestServer;
  let stack: MarketplaceStack;
  let people: MarketplaceActors;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    stack = await MarketplaceStack.start({
      label: 'disputes',
      services: ['catalog', 'orders', 'payments', 'notifications'],
      env: {
        orders: { DISPUTE_WINDOW_MS: String(WINDOW_MS), ORDER_DEADLINE_POLL_MS: '500' },
        payments: { STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET },
        notifications: { SMTP_URL: smtp.url },
      },
    });
    people = new MarketplaceActors(stack);
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp?.close();
  });

  /** The titles of someone's in-app notifications of the order's disputes, once there are `count`. */
  const inbox = (token: string, orderId: string, count: number) =>
    waitFor(
      async () => {
        const titles = ((await stack.api.get('/notifications?limit=50', token)).body as Body).items.map((item: Body) => item.title as string);
        const about = titles.filter((title: string) => title.includes(orderId.slice(0, 8)) && /disput|chargeback/i.test(title));
        return about.length >= count ? about : undefined;
      },
      { timeoutMs: 60_000, description: `${count} dispute notifications about order ${orderId}` },
    );

  it('open, respond, partial refund: the parties see the history, and the order is refunded that amount', async () => {
    const seller = await people.seller();
    const otherSeller = await people.seller();
    const productId = await people.product(seller, { price: 1999, onHand: 5 });
    const buyer = await people.buyer();
    const orderId = await people.checkout(buyer, productId, { quantity: 2, paymentMethod: 'pm_card_visa' });
    expect(await people.finalOrder(buyer, orderId, 120_000)).toMatchObject({ status: 'confirmed' });
    expect((await stack.api.post(`/seller/orders/${orderId}/ship`, { carrier: 'DHL', trackingNumber: 'JD0001' }, seller.token)).status).toBe(200);

    const key = randomUUID();
    const body = { lineIds: [productId], reason: 'damaged', description: 'One of the two arrived torn.' };
    const opened = await stack.api.request(`/orders/${orderId}/disputes`, { method: 'POST', json: body, token: buyer.token, headers: { 'idempotency-key': key } });
    expect(opened).toMatchObject({ status: 201, body: { disputeId: expect.any(String), status: 'open' } });
    const { disputeId } = opened.body as Body;
    const again = await stack.api.request(`/orders/${orderId}/disputes`, { method: 'POST', json: body, token: buyer.token, headers: { 'idempotency-key': key } });
    expect(again).toMatchObject({ status: 201, body: opened.body });

    expect((await stack.api.post(`/disputes/${disputeId}/responses`, { message: 'Sorry! Half back?' }, seller.token)).status).toBe(201);
    expect((await stack.api.get(`/disputes/${disputeId}`, otherSeller.token)).status).toBe(404);
    const admin = await people.admin();
    expect((await stack.api.post(`/admin/disputes/${disputeId}/resolve`, { decision: 'refund' }, seller.token)).status).toBe(403);
    const resolved = await stack.api.post(`/admin/disputes/${disputeId}/resolve`, { decision: 'refund', amount: { amount: 1000, currency: 'EUR' }, note: 'Half of one.' }, admin);
    expect(resolved).toMatchObject({ status: 200, body: { status: 'resolved', resolution: { outcome: 'refunded', refund: { amount: 1000, currency: 'EUR' } } } });

    const read = (await stack.api.get(`/disputes/${disputeId}`, buyer.token)).body as Body;
    expect(read).toMatchObject({ orderId, kind: 'buyer', disputedTotal: { amount: 3998, currency: 'EUR' } });
    expect(read.history.map((entry: Body) => entry.type)).toEqual(['DisputeOpened', 'DisputeResponded', 'DisputeResolved']);
    expect(read.history[1]).toMatchObject({ data: { role: 'seller', message: 'Sorry! Half back?' } });
    await waitFor(async () => ((await stack.api.get('/disputes?status=resolved', seller.token)).body as Body).items.some((item: Body) => item.disputeId === disputeId), {
      timeoutMs: 30_000,
      description: "the dispute in the seller's list",
    });

    // Payments refunds the amount decided through the Payment aggregate; orders records it once.
    const refunded = await waitFor(
      async () => {
        const history = (await stack.api.get(`/orders/${orderId}/history`, buyer.token)).body as Body;
        const events = history.events.filter((event: Body) => event.type === 'OrderRefunded');
        return events.length > 0 ? events : undefined;
      },
      { timeoutMs: 60_000, description: 'the OrderRefunded of the dispute' },
    );
    expect(refunded.map((event: Body) => event.data.amount)).toEqual([{ amount: 1000, currency: 'EUR' }]);

    // Each step reaches the parties who did not take it, in-app and by email.
    const short = orderId.slice(0, 8);
    // (Their order is not asserted: a consumer group joining mid-run can commit them in another order.)
    expect((await inbox(buyer.token, orderId, 3)).sort()).toEqual([`The dispute on order ${short}: refunded €10.00`, `The seller wrote in the dispute on order ${short}`, `We received your dispute on order ${short}`]);
    expect((await inbox(seller.token, orderId, 2)).sort()).toEqual([`A buyer disputed your items on order ${short}`, `The dispute on order ${short}: €10.00 refunded to the buyer`]);
    expect(await inbox(admin, orderId, 1)).toEqual([`New dispute on order ${short}: arrived damaged`]);
    const subjects = (email: string) => smtp.mailsTo(email).map((mail) => String(mail.parsed.subject)).filter((subject) => subject.includes(`dispute on order ${short}`) || subject.includes(`disputed your items on order ${short}`));
    await waitFor(() => subjects(buyer.email).length === 3 && subjects(seller.email).length === 2, { timeoutMs: 60_000, description: 'the dispute emails' });
  });

  /** A paid order of two units, shipped. */
  async function shippedOrder() {
    const seller = await people.seller();
    const productId = await people.product(seller, { price: 1999, onHand: 5 });
    const buyer = await people.buyer();
    const orderId = await people.checkout(buyer, productId, { quantity: 2 });
    const order = await people.finalOrder(buyer, orderId, 120_000);
    expect(order).toMatchObject({ status: 'confirmed' });
    expect((await stack.api.post(`/seller/orders/${orderId}/ship`, { carrier: 'DHL', trackingNumber: 'JD0002' }, seller.token)).status).toBe(200);
    return { seller, buyer, productId, orderId, paymentId: order.paymentId as string };
  }

  it('a Stripe chargeback opens a case on the order for admins, which refuses a refund', async () => {
    const { seller, buyer, orderId, paymentId } = await shippedOrder();
    const event = {
      id: `evt_${randomBytes(8).toString('hex')}`,
      object: 'event',
      type: 'charge.dispute.created',
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: `dp_${randomBytes(6).toString('hex')}`, object: 'dispute', amount: 3998, currency: 'eur', reason: 'fraudulent', status: 'needs_response', charge: 'ch_e2e', payment_intent: `pi_sim_${paymentId.replace(/-/g, '')}`, metadata: {} } },
    };
    const raw = JSON.stringify(event);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: raw, secret: WEBHOOK_SECRET });
    expect((await stack.api.request('/webhooks/stripe', { method: 'POST', raw, headers: { 'content-type': 'application/json', 'stripe-signature': signature } })).status).toBe(200);

    const admin = await people.admin();
    const listed = await waitFor(async () => ((await stack.api.get('/disputes?status=open', admin)).body as Body).items.find((item: Body) => item.orderId === orderId), {
      timeoutMs: 60_000,
      description: 'the chargeback case in the admins\' list',
    });
    expect(listed).toMatchObject({ kind: 'chargeback', reason: 'chargeback', disputedTotal: { amount: 3998, currency: 'EUR' } });
    expect((await stack.api.get(`/disputes/${listed.disputeId}`, buyer.token)).status).toBe(404);
    const refused = await stack.api.post(`/admin/disputes/${listed.disputeId}/resolve`, { decision: 'refund' }, admin);
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'chargeback_not_refundable' } } });
    expect(await inbox(seller.token, orderId, 1)).toEqual([`A chargeback holds your money for order ${orderId.slice(0, 8)}`]);
  });

  it('closes the dispute window after delivery even across a restart of orders, and refuses disputes after it', async () => {
    const { buyer, productId, orderId } = await shippedOrder();
    expect((await stack.api.post(`/orders/${orderId}/confirm-delivery`, {}, buyer.token)).status).toBe(200);
    const deliveredAt = Date.now();
    await stack.kill('orders');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, deliveredAt + WINDOW_MS + 1000 - Date.now())));
    await stack.restart('orders');

    await waitFor(
      async () => {
        const answer = await stack.api.get(`/orders/${orderId}/history`, buyer.token).catch(() => undefined);
        return ((answer?.body as Body | undefined)?.events ?? []).some((event: Body) => event.type === 'OrderDisputeWindowClosed');
      },
      { timeoutMs: 60_000, description: 'the dispute window closed' },
    );
    const late = await stack.api.post(`/orders/${orderId}/disputes`, { lineIds: [productId], reason: 'damaged', description: 'Too late.' }, buyer.token);
    expect(late).toMatchObject({ status: 422, body: { error: { code: 'dispute_window_closed' } } });
  });
});
