import { waitFor } from '@marketplace/testing';
import { MarketplaceActors } from '../support/marketplace-actors';
import { MarketplaceStack } from '../support/marketplace-stack';

jest.setTimeout(300_000);

const TIMEOUT_MS = 8_000;

/** The payment deadline is a durable timer: it fires even when orders was down when it fell due. */
describe('an order whose payment never completes', () => {
  let stack: MarketplaceStack;
  let people: MarketplaceActors;

  beforeAll(async () => {
    stack = await MarketplaceStack.start({ label: 'timeout', env: { orders: { CHECKOUT_PAYMENT_TIMEOUT_MS: String(TIMEOUT_MS), ORDER_DEADLINE_POLL_MS: '500' } } });
    people = new MarketplaceActors(stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('is cancelled with payment_timeout and its stock released, across a restart of orders', async () => {
    const seller = await people.seller();
    const productId = await people.product(seller, { onHand: 2 });
    const buyer = await people.buyer();
    const placedAt = Date.now();
    // 3-D Secure that the buyer never completes: the payment waits for an action that never comes.
    const orderId = await people.checkout(buyer, productId, { paymentMethod: 'pm_card_threeDSecure2Required' });
    await waitFor(async () => (await stack.db('payments.payments').where({ order_id: orderId, status: 'requires_action' }).first()) !== undefined, {
      timeoutMs: 60_000,
      description: 'the payment waiting for the buyer',
    });
    expect(await people.stock(productId)).toEqual({ onHand: 2, reserved: 1 });

    await stack.kill('orders');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, placedAt + TIMEOUT_MS + 1000 - Date.now())));
    await stack.restart('orders');

    expect(await people.finalOrder(buyer, orderId)).toMatchObject({ status: 'cancelled', cancellation: { reason: 'payment_timeout' } });
    await waitFor(async () => (await people.stock(productId)).reserved === 0, { timeoutMs: 60_000, description: 'the stock released' });
    expect(await people.stock(productId)).toEqual({ onHand: 2, reserved: 0 });
    const payment = await waitFor(async () => stack.db('payments.payments').where({ order_id: orderId, status: 'failed' }).first(), {
      timeoutMs: 60_000,
      description: 'the abandoned payment cancelled at the provider',
    });
    expect(payment.failure_code).toBe('canceled');
  });
});
