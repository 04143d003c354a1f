import { randomUUID } from 'node:crypto';
import { waitFor } from '@marketplace/testing';
import { address, peers } from './fixtures/checkout-events';
import { type Caller, OrdersTestApp } from './orders-app';

// Kafka group joins take seconds.
jest.setTimeout(120_000);

/**
 * The checkout as orders runs it: the service in-process on the real bus, catalog's and payments'
 * events published by the test, every step read back from the order's stream.
 */
describe('checkout (catalog and payments played by the test)', () => {
  let app: OrdersTestApp;
  let buyer: Caller;
  let peer: ReturnType<typeof peers>;

  beforeAll(async () => {
    app = await OrdersTestApp.start({ CHECKOUT_PAYMENT_TIMEOUT_MS: '4000' });
    buyer = await app.caller(['buyer']);
    peer = peers(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  const place = async (productId: string, quantity = 1, headers: Record<string, string> = {}) => {
    const response = await app.call('POST', '/orders', {
      as: buyer,
      body: { items: [{ productId, quantity }], shippingAddress: address, paymentMethod: 'pm_card_visa' },
      headers: { 'idempotency-key': randomUUID(), ...headers },
    });
    expect(response.status).toBe(202);
    return response.body.orderId as string;
  };
  const paymentOf = async (orderId: string) => {
    const events = await app.orderReaches(orderId, 'OrderPaymentRequested');
    return events.find((event) => event.type === 'OrderPaymentRequested')?.data as { paymentId: string; amount: { amount: number; currency: string } };
  };

  it('goes placed -> stock reserved -> payment requested -> confirmed, and the history shows each step with its time, actor and correlation', async () => {
    const { productId } = await app.listedProduct({ price: 1999 });
    const orderId = await place(productId, 2, { 'x-request-id': 'checkout-happy-path' });
    await peer.reserved(orderId, [{ productId, quantity: 2 }]);
    const payment = await paymentOf(orderId);
    expect(payment.amount).toEqual({ amount: 3998, currency: 'EUR' });
    await peer.captured(orderId, payment.paymentId, payment.amount);
    await app.orderReaches(orderId, 'OrderConfirmed');

    const order = await app.call('GET', `/orders/${orderId}`, { as: buyer });
    expect(order.body).toMatchObject({ orderId, status: 'confirmed', paymentId: payment.paymentId, total: { amount: 3998, currency: 'EUR' } });
    const history = await app.call('GET', `/orders/${orderId}/history`, { as: buyer });
    expect(history.body.events.map((event: { type: string }) => event.type)).toEqual(['OrderPlaced', 'OrderStockReserved', 'OrderPaymentRequested', 'OrderConfirmed']);
    const [placed, ...steps] = history.body.events;
    expect(placed).toMatchObject({ actor: { kind: 'buyer', userId: buyer.id }, correlationId: 'checkout-happy-path' });
    for (const step of steps) expect(step).toMatchObject({ actor: { kind: 'system' }, causationId: expect.any(String) });
    for (const event of history.body.events) expect(Date.parse(event.recordedAt)).not.toBeNaN();
  });

  it('cancels with out_of_stock when catalog could not reserve, and requests no payment', async () => {
    const { productId } = await app.listedProduct();
    const orderId = await place(productId);
    await peer.short(orderId, productId);
    const events = await app.orderReaches(orderId, 'OrderCancelled');
    expect(events.map((event) => event.type)).toEqual(['OrderPlaced', 'OrderCancelled']);
    expect(events[1].data).toMatchObject({ reason: 'out_of_stock' });
  });

  it('cancels with payment_failed and the decline code when the payment fails', async () => {
    const { productId } = await app.listedProduct();
    const orderId = await place(productId);
    await peer.reserved(orderId, [{ productId, quantity: 1 }]);
    const payment = await paymentOf(orderId);
    await peer.failed(orderId, payment.paymentId, payment.amount);
    const events = await app.orderReaches(orderId, 'OrderCancelled');
    expect(events.at(-1)?.data).toMatchObject({ reason: 'payment_failed', detail: 'insufficient_funds', paymentId: payment.paymentId });
  });

  it('has no second effect from a redelivered input, and ignores inputs about orders it does not have', async () => {
    const { productId } = await app.listedProduct();
    const orderId = await place(productId);
    const inputId = randomUUID();
    await peer.reserved(orderId, [{ productId, quantity: 1 }], inputId);
    const payment = await paymentOf(orderId);
    await peer.reserved(orderId, [{ productId, quantity: 1 }], inputId);
    await peer.reserved(orderId, [{ productId, quantity: 1 }]);
    const stranger = randomUUID();
    await peer.reserved(stranger, [{ productId, quantity: 1 }]);
    const captureId = randomUUID();
    await peer.captured(orderId, payment.paymentId, payment.amount, captureId);
    await peer.captured(orderId, payment.paymentId, payment.amount, captureId);
    await app.orderReaches(orderId, 'OrderConfirmed');
    // A later marker event, so that everything published before it has been handled.
    const marker = await app.listedProduct();
    expect(marker.productId).toBeDefined();
    expect((await app.orderEvents(orderId)).map((event) => event.type)).toEqual(['OrderPlaced', 'OrderStockReserved', 'OrderPaymentRequested', 'OrderConfirmed']);
    expect(await app.store.readStream(`checkout-${stranger}`)).toEqual([]);
    expect((await app.store.readStream(`checkout-${orderId}`)).map((event) => event.type)).toEqual(['StockSecured', 'PaymentSettled']);
  });

  it('cancels an unpaid order at its deadline (payment_timeout), and a capture after that confirms nothing', async () => {
    const { productId } = await app.listedProduct();
    const orderId = await place(productId);
    await peer.reserved(orderId, [{ productId, quantity: 1 }]);
    const payment = await paymentOf(orderId);
    const events = await app.orderReaches(orderId, 'OrderCancelled', 30_000);
    expect(events.at(-1)?.data).toMatchObject({ reason: 'payment_timeout', paymentId: payment.paymentId });
    await peer.captured(orderId, payment.paymentId, payment.amount);
    await app.listedProduct();
    expect((await app.orderEvents(orderId)).map((event) => event.type)).not.toContain('OrderConfirmed');
  });

  it('shows the order awaiting payment as of a moment before the capture, and confirmed after', async () => {
    const { productId } = await app.listedProduct();
    const orderId = await place(productId);
    await peer.reserved(orderId, [{ productId, quantity: 1 }]);
    const payment = await paymentOf(orderId);
    const beforeCapture = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await peer.captured(orderId, payment.paymentId, payment.amount);
    await app.orderReaches(orderId, 'OrderConfirmed');
    const then = await app.call('GET', `/orders/${orderId}?asOf=${beforeCapture.toISOString()}`, { as: buyer });
    expect(then.body).toMatchObject({ status: 'payment_requested', asOf: beforeCapture.toISOString() });
    const now = await app.call('GET', `/orders/${orderId}?asOf=${new Date().toISOString()}`, { as: buyer });
    expect(now.body.status).toBe('confirmed');
    const beforePlacement = await app.call('GET', `/orders/${orderId}?asOf=2020-01-01T00:00:00Z`, { as: buyer });
    expect(beforePlacement.status).toBe(404);
  });

  it('records each refund payments issued once, and an order refunded in full is refunded', async () => {
    const { productId } = await app.listedProduct({ price: 1000 });
    const orderId = await place(productId);
    await peer.reserved(orderId, [{ productId, quantity: 1 }]);
    const payment = await paymentOf(orderId);
    await peer.captured(orderId, payment.paymentId, payment.amount);
    await app.orderReaches(orderId, 'OrderConfirmed');
    const [first, second, eventId] = [randomUUID(), randomUUID(), randomUUID()];
    await peer.refunded(orderId, payment.paymentId, first, { amount: 400, currency: 'EUR' }, eventId);
    await peer.refunded(orderId, payment.paymentId, first, { amount: 400, currency: 'EUR' }, eventId);
    await peer.refunded(orderId, payment.paymentId, second, { amount: 600, currency: 'EUR' });
    const order = await waitFor(async () => {
      const response = await app.call('GET', `/orders/${orderId}`, { as: buyer });
      return response.body.status === 'refunded' ? response.body : undefined;
    }, { timeoutMs: 30_000, description: 'the order to be refunded' });
    expect(order.refunded).toEqual({ amount: 1000, currency: 'EUR' });
    expect((await app.orderEvents(orderId)).filter((event) => event.type === 'OrderRefunded')).toHaveLength(2);
  });
});
