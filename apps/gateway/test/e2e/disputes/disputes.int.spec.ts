import { waitFor } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import { MarketplaceActors } from '../support/marketplace-actors';
import { MarketplaceStack } from '../support/marketplace-stack';

// A build, five processes, Kafka group joins.
jest.setTimeout(300_000);

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are read field by field

/**
 * A dispute through the gateway, every service its own process on the real bus: the buyer pays by card
 * and disputes a shipped line, the seller responds, an admin refunds part of it; payments refunds that
 * part of the payment and orders records it as OrderRefunded.
 */
describe('disputes e2e', () => {
  let stack: MarketplaceStack;
  let people: MarketplaceActors;

  beforeAll(async () => {
    stack = await MarketplaceStack.start({ label: 'disputes' });
    people = new MarketplaceActors(stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

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
  });
});
