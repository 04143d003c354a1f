import { DarajaTestServer, PaynowTestServer, type StkScenario, waitFor } from '@marketplace/testing';
import { randomBytes } from 'node:crypto';
import { MarketplaceActors } from '../support/marketplace-actors';
import { MarketplaceStack } from '../support/marketplace-stack';

// A build, five processes, Kafka group joins.
jest.setTimeout(300_000);

const TOKEN = randomBytes(16).toString('hex');
const EXPIRE_AFTER_MS = 6000;

/**
 * Checkouts paid by M-Pesa and PayNow through the gateway, every service its own process on the real bus,
 * payments talking to local Daraja- and PayNow-shaped servers that post back through the gateway.
 */
describe('mobile money checkout e2e', () => {
  let daraja: DarajaTestServer;
  let paynow: PaynowTestServer;
  let stack: MarketplaceStack;
  let people: MarketplaceActors;
  let seller: { token: string };
  let phones = 0;

  beforeAll(async () => {
    daraja = await DarajaTestServer.start();
    paynow = await PaynowTestServer.start();
    stack = await MarketplaceStack.start({
      label: 'mpesa',
      env: {
        payments: {
          MPESA_API_BASE: daraja.url,
          MPESA_CONSUMER_KEY: daraja.credentials.consumerKey,
          MPESA_CONSUMER_SECRET: daraja.credentials.consumerSecret,
          MPESA_SHORTCODE: daraja.credentials.shortcode,
          MPESA_PASSKEY: daraja.credentials.passkey,
          // The gateway's port is chosen at start: the servers post to it (`origin`).
          MPESA_CALLBACK_BASE_URL: 'https://marketplace.invalid/api/v1',
          MPESA_CALLBACK_TOKEN: TOKEN,
          PAYNOW_API_BASE: paynow.url,
          PAYNOW_INTEGRATION_ID: paynow.integrationId,
          PAYNOW_INTEGRATION_KEY: paynow.integrationKey,
          PAYNOW_RESULT_BASE_URL: 'https://marketplace.invalid/api/v1',
          PAYNOW_AUTH_EMAIL: 'merchant@tese.example',
          PAYMENT_RECONCILE_INTERVAL_MS: '1000',
          MOBILE_MONEY_QUERY_AFTER_MS: '1500',
          MOBILE_MONEY_EXPIRE_AFTER_MS: String(EXPIRE_AFTER_MS),
        },
      },
    });
    daraja.callbacks.origin = stack.gatewayUrl;
    paynow.updates.origin = stack.gatewayUrl;
    people = new MarketplaceActors(stack);
    seller = await people.seller();
  });

  afterAll(async () => {
    await daraja?.close();
    await paynow?.close();
    await stack?.stop();
  });

  /** A buyer paying 1,000 KES by M-Pesa from a number of their own, which answers as `scenario` says. */
  async function mpesaCheckout(scenario?: StkScenario) {
    phones += 1;
    const phone = `+2547${String(20_000_000 + phones).padStart(8, '0')}`;
    if (scenario) daraja.scenario(phone, scenario);
    const productId = await people.product(seller, { price: 100_000, currency: 'KES', onHand: 2 });
    const buyer = await people.buyer();
    const orderId = await people.checkout(buyer, productId, { paymentMethod: { type: 'mobile_money', provider: 'mpesa', phone } });
    return { phone, productId, buyer, orderId };
  }
  const paymentOf = (orderId: string) =>
    waitFor(() => stack.db('payments.payments').where({ order_id: orderId }).first<{ id: string; status: string } | undefined>(), { timeoutMs: 60_000, description: 'the payment' });
  const storedTypes = (paymentId: string) => stack.db('payments.events').where({ stream_id: `payment-${paymentId}` }).orderBy('revision').pluck('type');

  it('confirms an order the buyer approves on their phone, and commits its stock', async () => {
    const { phone, productId, buyer, orderId } = await mpesaCheckout();
    expect(await people.finalOrder(buyer, orderId)).toMatchObject({ status: 'confirmed' });
    expect(daraja.pushTo(phone)?.request).toMatchObject({ Amount: 1000, PhoneNumber: phone.slice(1) });
    await waitFor(async () => (await people.stock(productId)).onHand === 1, { timeoutMs: 60_000, description: 'the stock committed' });
    expect(await people.stock(productId)).toEqual({ onHand: 1, reserved: 0 });
  });

  it.each([
    ['cancelled by the buyer', { resultCode: 1032 }, 'cancelled_by_user'],
    ['never answered (expired)', { resultCode: 0, unanswered: true }, 'expired'],
  ])('cancels the order paid by a push %s and releases its stock', async (_name, scenario, failureCode) => {
    const { productId, buyer, orderId } = await mpesaCheckout(scenario);
    expect(await people.finalOrder(buyer, orderId, EXPIRE_AFTER_MS + 60_000)).toMatchObject({ status: 'cancelled', cancellation: { reason: 'payment_failed' } });
    expect((await stack.db('payments.payments').where({ order_id: orderId }).first()).failure_code).toBe(failureCode);
    await waitFor(async () => (await people.stock(productId)).reserved === 0, { timeoutMs: 60_000, description: 'the stock released' });
    expect(await people.stock(productId)).toEqual({ onHand: 2, reserved: 0 });
  });

  it('settles with the status query a payment whose callback never comes', async () => {
    const queries = daraja.queries;
    const { buyer, orderId } = await mpesaCheckout({ resultCode: 0, callback: 'none' });
    expect(await people.finalOrder(buyer, orderId)).toMatchObject({ status: 'confirmed' });
    expect(daraja.queries).toBeGreaterThan(queries);
  });

  it('gives a duplicate callback one effect', async () => {
    const { phone, buyer, orderId } = await mpesaCheckout({ resultCode: 0, callback: 'twice' });
    expect(await people.finalOrder(buyer, orderId)).toMatchObject({ status: 'confirmed' });
    const push = daraja.pushTo(phone);
    await waitFor(() => daraja.callbacks.statusesOf(push?.checkoutRequestId ?? '').length === 2, { description: 'both callbacks' });
    const payment = await paymentOf(orderId);
    expect((await storedTypes(payment.id)).filter((type) => type === 'PaymentCaptured')).toHaveLength(1);
  });

  it('captures nothing on a callback of another amount, and shows it to admins as an anomaly', async () => {
    const { phone, buyer, orderId } = await mpesaCheckout({ resultCode: 0, unanswered: true });
    const push = await waitFor(() => daraja.pushTo(phone), { timeoutMs: 60_000, description: 'the push' });
    const payment = await waitFor(async () => stack.db('payments.payments').where({ order_id: orderId, status: 'requires_action' }).first<{ id: string } | undefined>(), {
      timeoutMs: 60_000,
      description: 'the payment waiting on the push',
    });
    expect(await daraja.postCallback(push, daraja.callbackBody(push, 0, 1))).toBe(200);
    const admin = await people.admin();
    const seen = await waitFor(
      async () => {
        const answer = await stack.api.get(`/payments/${payment.id}`, admin);
        return (answer.body as { anomalies?: unknown[] }).anomalies?.length ? (answer.body as Record<string, unknown>) : undefined;
      },
      { timeoutMs: 30_000, description: 'the anomaly' },
    );
    expect(seen).toMatchObject({ status: 'requires_action', anomalies: [{ anomaly: 'capture_amount_mismatch', expected: { amount: 100_000, currency: 'KES' }, received: { amount: 100, currency: 'KES' } }] });
    expect(await storedTypes(payment.id)).not.toContain('PaymentCaptured');
    expect(await people.finalOrder(buyer, orderId, EXPIRE_AFTER_MS + 60_000)).toMatchObject({ status: 'cancelled' });
  });

  it('reports an M-Pesa statement against the payments for admins: matched, missing, unknown and mismatched, writing nothing', async () => {
    const from = new Date().toISOString();
    const checkouts = [await mpesaCheckout(), await mpesaCheckout(), await mpesaCheckout()];
    for (const { buyer, orderId } of checkouts) expect(await people.finalOrder(buyer, orderId)).toMatchObject({ status: 'confirmed' });
    const [matched, lessPaid, missing] = checkouts.map(({ phone }) => daraja.pushTo(phone)?.checkoutRequestId as string);
    const completedAt = new Date().toISOString();
    const csv = [
      'reference,amount,currency,status,completed_at',
      `${matched},"1,000.00",KES,completed,${completedAt}`,
      `${lessPaid},900.00,KES,completed,${completedAt}`,
      `ws_CO_NOT_OURS,500.00,KES,completed,${completedAt}`,
    ].join('\n');
    const to = new Date(Date.now() + 1000).toISOString();
    const path = `/admin/reconciliation/statements?provider=mpesa&from=${from}&to=${to}`;
    const upload = (token: string) => stack.api.request(path, { method: 'POST', raw: csv, headers: { 'content-type': 'text/csv' }, token });
    // The payments' streams (the ledger's follow orders' events on their own time).
    const paymentEvents = () => stack.db('payments.events').where('stream_id', 'like', 'payment-%').count<{ count: string }[]>('* as count');
    const before = await paymentEvents();

    const report = await waitFor(
      async () => {
        const answer = await upload(await people.admin());
        // The payments' read model may still be catching up with the last capture.
        return answer.status === 200 && (answer.body as { summary: { matched: number } }).summary.matched === 1 ? answer.body : undefined;
      },
      { timeoutMs: 30_000, description: 'the report' },
    );
    expect(report).toMatchObject({
      provider: 'mpesa',
      summary: { matched: 1, missing: 1, unknown: 1, mismatched: 1 },
      matched: [{ reference: matched, amount: { amount: 100_000, currency: 'KES' } }],
      missing: [{ reference: missing, orderId: checkouts[2].orderId }],
      unknown: [{ reference: 'ws_CO_NOT_OURS' }],
      mismatched: [{ reference: lessPaid, orderId: checkouts[1].orderId, actual: { amount: { amount: 90_000, currency: 'KES' } }, problems: ['amount'] }],
    });
    expect((await upload((await people.buyer()).token)).status).toBe(403);
    expect(await paymentEvents()).toEqual(before);
  });

  it('refuses malformed callbacks and a wrong token through the gateway with a standard 4xx, writing nothing', async () => {
    const before = await stack.db('payments.events').count<{ count: string }[]>('* as count');
    const wrongToken = await stack.api.request('/webhooks/mpesa/wrong-token', { method: 'POST', json: { Body: { stkCallback: {} } } });
    const malformed = await stack.api.request(`/webhooks/mpesa/${TOKEN}`, { method: 'POST', json: { Body: { stkCallback: { ResultCode: 'paid' } } } });
    expect([wrongToken.status, malformed.status]).toEqual([404, 400]);
    expect((malformed.body as { error: { code: string } }).error.code).toBe('validation_failed');
    expect(await stack.db('payments.events').count<{ count: string }[]>('* as count')).toEqual(before);
  });

  it('refuses at order placing a total M-Pesa cannot charge, and a number of another country', async () => {
    const productId = await people.product(seller, { price: 100_050, currency: 'KES', onHand: 1 });
    const buyer = await people.buyer();
    const place = (phone: string) =>
      stack.api.request('/orders', {
        method: 'POST',
        json: { items: [{ productId, quantity: 1 }], shippingAddress: { recipientName: 'Wanjiru', line1: 'Moi Avenue 1', city: 'Nairobi', postalCode: '00100', country: 'KE' }, paymentMethod: { type: 'mobile_money', provider: 'mpesa', phone } },
        token: buyer.token,
        headers: { 'idempotency-key': randomBytes(8).toString('hex') },
      });
    const cents = await place('+254712345678');
    expect([cents.status, (cents.body as { error: { code: string } }).error.code]).toEqual([422, 'payment_method_not_applicable']);
    const foreign = await place('+255712345678');
    expect([foreign.status, (foreign.body as { error: { code: string } }).error.code]).toEqual([400, 'validation_failed']);
  });

  it('refuses a tampered PayNow status update with nothing changed, and confirms on the genuine one', async () => {
    const productId = await people.product(seller, { price: 1250, currency: 'USD', onHand: 1 });
    const buyer = await people.buyer();
    paynow.scenario('0771000001', { status: 'Paid', update: 'none' });
    const orderId = await people.checkout(buyer, productId, { paymentMethod: { type: 'mobile_money', provider: 'paynow', phone: '+263771000001' } });
    const transaction = await waitFor(() => paynow.transactionOf('0771000001'), { timeoutMs: 60_000, description: 'the PayNow transaction' });
    const payment = await waitFor(async () => stack.db('payments.payments').where({ order_id: orderId, status: 'requires_action' }).first<{ id: string } | undefined>(), {
      timeoutMs: 60_000,
      description: 'the payment waiting on the push',
    });
    const before = await storedTypes(payment.id);
    expect(before).not.toContain('PaymentCaptured');
    expect(await paynow.postUpdate(transaction, paynow.statusBody(transaction).replace('amount=12.50', 'amount=0.01'))).toBe(400);
    expect(await storedTypes(payment.id)).toEqual(before);
    expect(await paynow.postUpdate(transaction)).toBe(200);
    expect(await people.finalOrder(buyer, orderId)).toMatchObject({ status: 'confirmed' });
  });
});
