import { waitFor } from '@marketplace/testing';
import { MarketplaceActors } from '../support/marketplace-actors';
import { MarketplaceStack, type StackService } from '../support/marketplace-stack';

// Three waves, each with a service killed and restarted (and, on Kafka, its group's session timing out).
jest.setTimeout(900_000);

const WAVE = 50;
const ON_HAND = 1000;

/**
 * `kill -9` of payments, then orders, then catalog, each in the middle of a wave of 50 checkouts. After
 * the restart every order reaches a final state; none is lost, nothing is captured twice, no stock
 * moves twice: counted from the event stores and the catalog's tables, not from logs.
 */
describe('checkout survives a crash of any service', () => {
  let stack: MarketplaceStack;
  let people: MarketplaceActors;
  let products: string[];
  let buyers: { id: string; token: string }[];
  const placed: { orderId: string; buyer: { token: string }; productId: string }[] = [];

  beforeAll(async () => {
    stack = await MarketplaceStack.start({
      label: 'crash',
      env: {
        // Long enough that a consumer group waiting out a dead member's session does not time orders out.
        orders: { CHECKOUT_PAYMENT_TIMEOUT_MS: '300000' },
        payments: { PAYMENT_RECONCILE_AFTER_MS: '5000', PAYMENT_RECONCILE_INTERVAL_MS: '2000' },
      },
    });
    people = new MarketplaceActors(stack);
    const seller = await people.seller();
    products = await Promise.all([0, 1, 2].map(() => people.product(seller, { onHand: ON_HAND })));
    buyers = await Promise.all(Array.from({ length: WAVE }, () => people.buyer()));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const wave = async (victim: StackService) => {
    const orders = buyers.map(async (buyer, i) => {
      const productId = products[i % products.length];
      // One in five declined, so both endings are exercised under the crash.
      const orderId = await people.checkoutRetrying(buyer, productId, i % 5 === 0 ? 'pm_card_chargeDeclined' : 'pm_card_visa');
      placed.push({ orderId, buyer, productId });
      return orderId;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await stack.kill(victim);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await stack.restart(victim);
    await Promise.all(orders);
  };

  it.each(['payments', 'orders', 'catalog'] as const)('a wave with %s killed: every order reaches a final state', async (victim) => {
    const before = placed.length;
    await wave(victim);
    const finals = await Promise.all(placed.slice(before).map(({ buyer, orderId }) => people.finalOrder(buyer, orderId, 600_000)));
    expect(finals).toHaveLength(WAVE);
  });

  it('lost nothing and did nothing twice, by the event stores and the catalog tables', async () => {
    expect(new Set(placed.map((order) => order.orderId)).size).toBe(3 * WAVE);
    const orderIds = placed.map((order) => order.orderId);
    const events = await stack.db('orders.events')
      .whereIn('stream_id', orderIds.map((id) => `order-${id}`))
      .select<{ stream_id: string; type: string; data: { paymentId?: string } }[]>('stream_id', 'type', 'data');
    const byOrder = new Map<string, string[]>();
    for (const event of events) byOrder.set(event.stream_id, [...(byOrder.get(event.stream_id) ?? []), event.type]);
    expect(byOrder.size).toBe(3 * WAVE);
    const confirmed: string[] = [];
    for (const [stream, types] of byOrder) {
      const count = (type: string) => types.filter((t) => t === type).length;
      expect({ stream, placed: count('OrderPlaced'), requested: count('OrderPaymentRequested') <= 1, ending: count('OrderConfirmed') + count('OrderCancelled') }).toEqual({
        stream,
        placed: 1,
        requested: true,
        ending: 1,
      });
      if (count('OrderConfirmed') === 1) confirmed.push(stream.slice('order-'.length));
    }

    // Payments: never two captures of one payment; a confirmed order has exactly one capture, and money captured for a cancelled order went back.
    const payments = events
      .filter((event) => event.type === 'OrderPaymentRequested')
      .map((event) => ({ order_id: event.stream_id.slice('order-'.length), payment_id: event.data.paymentId as string }));
    const paymentEvents = await stack.db('payments.events').whereIn('stream_id', payments.map((p) => `payment-${p.payment_id}`)).select<{ stream_id: string; type: string; data: { amount?: { amount: number } } }[]>('stream_id', 'type', 'data');
    for (const payment of payments) {
      const mine = paymentEvents.filter((event) => event.stream_id === `payment-${payment.payment_id}`);
      const captures = mine.filter((event) => event.type === 'PaymentCaptured');
      expect({ payment: payment.payment_id, captures: captures.length <= 1 }).toEqual({ payment: payment.payment_id, captures: true });
      if (confirmed.includes(payment.order_id)) expect(captures).toHaveLength(1);
      else if (captures.length === 1) {
        const refunded = mine.filter((event) => event.type === 'RefundIssued').reduce((sum, event) => sum + (event.data.amount?.amount ?? 0), 0);
        expect(refunded).toBe(captures[0].data.amount?.amount);
      }
    }

    // Catalog (once the last settlements arrived): one reservation outcome per order, one settlement per reservation, and the stock adds up.
    await waitFor(async () => (await Promise.all(products.map((productId) => people.stock(productId)))).every((stock) => stock.reserved === 0), {
      timeoutMs: 60_000,
      description: 'every reservation settled',
    });
    const outbox = await stack.db('catalog.outbox').whereIn('key', orderIds).select<{ key: string; event_type: string }[]>('key', 'event_type');
    for (const orderId of orderIds) {
      const types = outbox.filter((row) => row.key === orderId).map((row) => row.event_type.split('.')[2]);
      const outcomes = types.filter((type) => type === 'StockReserved' || type === 'StockReservationFailed');
      const settlements = types.filter((type) => type === 'StockCommitted' || type === 'StockReleased');
      expect({ orderId, outcomes: outcomes.length, settlements: settlements.length }).toEqual({ orderId, outcomes: 1, settlements: outcomes[0] === 'StockReserved' ? 1 : 0 });
    }
    for (const productId of products) {
      const sold = placed.filter((order) => order.productId === productId && confirmed.includes(order.orderId)).length;
      expect(await people.stock(productId)).toEqual({ onHand: ON_HAND - sold, reserved: 0 });
    }
    expect(confirmed.length).toBeGreaterThan(0);
  });
});
