import { randomUUID } from 'node:crypto';
import { address } from './fixtures/checkout-events';
import { type Caller, OrdersTestApp } from './orders-app';

jest.setTimeout(120_000);

describe('POST /orders (idempotent, priced from the price list)', () => {
  let app: OrdersTestApp;
  let buyer: Caller;

  beforeAll(async () => {
    app = await OrdersTestApp.start({ ORDER_PRICING: JSON.stringify({ GB: { shipping: { EUR: 499 }, taxBasisPoints: 2000 } }) });
    buyer = await app.caller(['buyer']);
  });

  afterAll(async () => {
    await app?.close();
  });

  /** `key: null` sends no Idempotency-Key. */
  const place = (body: unknown, key: string | null = randomUUID(), as = buyer) =>
    app.call('POST', '/orders', { as, body, headers: key === null ? {} : { 'idempotency-key': key } });
  const orderCount = async () => Number((await app.db.raw(`select count(*) from order_requests`)).rows[0].count);

  it('answers 202 {orderId, status} with lines, shipping and tax (20% of subtotal + shipping, rounded half up)', async () => {
    const { productId, sellerId } = await app.listedProduct({ price: 1999, title: 'Oak board' });
    const response = await place({ items: [{ productId, quantity: 3 }], shippingAddress: address, paymentMethod: 'pm_card_visa' });
    expect(response).toMatchObject({ status: 202, body: { orderId: expect.any(String), status: 'placed' } });
    const [placed] = await app.orderEvents(response.body.orderId);
    expect(placed.data).toMatchObject({
      buyerId: buyer.id,
      lines: [{ productId, sellerId, title: 'Oak board', quantity: 3, unitPrice: { amount: 1999, currency: 'EUR' }, lineTotal: { amount: 5997, currency: 'EUR' } }],
      subtotal: { amount: 5997, currency: 'EUR' },
      shipping: { amount: 499, currency: 'EUR' },
      tax: { amount: 1299, currency: 'EUR' },
      total: { amount: 7795, currency: 'EUR' },
    });
  });

  it('needs an Idempotency-Key (400, nothing written); the same key and body answer the same; the same key with another body is a 422', async () => {
    const { productId } = await app.listedProduct();
    const body = { items: [{ productId, quantity: 1 }], shippingAddress: address, paymentMethod: 'pm_card_visa' };
    const before = await orderCount();
    const missing = await place(body, null);
    expect(missing).toMatchObject({ status: 400, body: { error: { code: 'idempotency_key_required' } } });
    expect((await place(body, 'x'.repeat(256))).status).toBe(400);
    expect(await orderCount()).toBe(before);

    const key = randomUUID();
    const answers = await Promise.all([place(body, key), place(body, key), place({ ...body, shippingAddress: { ...address }, paymentMethod: 'pm_card_visa' }, key)]);
    expect(new Set(answers.map((answer) => JSON.stringify([answer.status, answer.body])))).toEqual(new Set([JSON.stringify([202, answers[0].body])]));
    const reused = await place({ ...body, items: [{ productId, quantity: 2 }] }, key);
    expect(reused).toMatchObject({ status: 422, body: { error: { code: 'idempotency_key_reused' } } });
    expect(await app.orderEvents(answers[0].body.orderId)).toHaveLength(1);
    // Another buyer's request under the same key is another order.
    const other = await place(body, key, await app.caller(['buyer']));
    expect(other.body.orderId).not.toBe(answers[0].body.orderId);
  });

  it('answers a refused request the same way when it is retried, even after the product became available', async () => {
    const productId = randomUUID();
    const key = randomUUID();
    const body = { items: [{ productId, quantity: 1 }], shippingAddress: address, paymentMethod: 'pm_card_visa' };
    const first = await place(body, key);
    expect(first).toMatchObject({ status: 422, body: { error: { code: 'product_not_available', details: [{ field: 'items.0.productId' }] } } });
    await app.listedProduct({ productId });
    const retried = await place(body, key);
    expect(retried.status).toBe(422);
    expect(retried.body.error).toMatchObject({ code: first.body.error.code, message: first.body.error.message, details: first.body.error.details });
  });

  it('orders the cart with fromCart: true and takes the ordered products out of it; an empty cart is a 422', async () => {
    const shopper = await app.caller(['buyer']);
    const a = await app.listedProduct({ price: 300 });
    const b = await app.listedProduct({ price: 700 });
    await app.call('POST', '/cart/items', { as: shopper, body: { productId: a.productId, quantity: 2 } });
    await app.call('POST', '/cart/items', { as: shopper, body: { productId: b.productId, quantity: 1 } });
    const placed = await place({ fromCart: true, shippingAddress: { ...address, country: 'FR' }, paymentMethod: 'pm_card_visa' }, randomUUID(), shopper);
    expect(placed.status).toBe(202);
    const [event] = await app.orderEvents(placed.body.orderId);
    expect(event.data).toMatchObject({ total: { amount: 1300, currency: 'EUR' }, lines: [{ productId: a.productId, quantity: 2 }, { productId: b.productId, quantity: 1 }] });
    expect((await app.call('GET', '/cart', { as: shopper })).body.items).toEqual([]);
    const empty = await place({ fromCart: true, shippingAddress: address, paymentMethod: 'pm_card_visa' }, randomUUID(), shopper);
    expect(empty).toMatchObject({ status: 422, body: { error: { code: 'cart_empty' } } });
  });

  describe('paid by mobile money', () => {
    const mpesa = (phone: string) => ({ type: 'mobile_money', provider: 'mpesa', phone });

    it('places an order of whole shillings with the method in OrderPlaced', async () => {
      const { productId } = await app.listedProduct({ price: 150_000, currency: 'KES' });
      const response = await place({ items: [{ productId, quantity: 1 }], shippingAddress: address, paymentMethod: mpesa('+254712345678') });
      expect(response.status).toBe(202);
      const [placed] = await app.orderEvents(response.body.orderId);
      expect(placed.data).toMatchObject({ paymentMethod: mpesa('+254712345678') });
    });

    it('refuses a number of another country or not E.164 (400, nothing recorded) and a total M-Pesa cannot charge (422)', async () => {
      const { productId } = await app.listedProduct({ price: 150_050, currency: 'KES' });
      const body = (phone: string) => ({ items: [{ productId, quantity: 1 }], shippingAddress: address, paymentMethod: mpesa(phone) });
      const before = await orderCount();
      for (const phone of ['+255712345678', '0712345678']) {
        expect(await place(body(phone))).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', details: [{ field: 'paymentMethod.phone' }] } } });
      }
      expect(await orderCount()).toBe(before);
      expect(await place(body('+254712345678'))).toMatchObject({ status: 422, body: { error: { code: 'payment_method_not_applicable', details: [{ field: 'paymentMethod' }] } } });
    });
  });

  it('refuses products in two currencies in one order', async () => {
    const euros = await app.listedProduct();
    const dollars = await app.listedProduct({ currency: 'USD' });
    const refused = await place({ items: [{ productId: euros.productId, quantity: 1 }, { productId: dollars.productId, quantity: 1 }], shippingAddress: address, paymentMethod: 'pm_card_visa' });
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'currency_mismatch', details: [{ field: 'items.1.productId' }] } } });
  });
});
