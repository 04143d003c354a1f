import { DarajaTestServer, freePort, waitFor } from '@marketplace/testing';
import { PaymentReconciler } from '../src/payments/application/payment-reconciler';
import { call, caller, errorBody } from './http';
import { orderPaymentRequested, paymentRequest, type PaymentRequest } from './orders-events';
import { type PaymentsTestApp, startPayments } from './payments-app';

const TOKEN = 'mpesa-callback-secret-token';
const EXPIRE_AFTER_MS = 3000;

/** M-Pesa through the Daraja adapter against a local Daraja-shaped server that posts real callbacks. */
describe('M-Pesa (Daraja)', () => {
  let daraja: DarajaTestServer;
  let app: PaymentsTestApp;
  let phones = 0;

  beforeAll(async () => {
    daraja = await DarajaTestServer.start();
    const port = await freePort();
    app = await startPayments({
      MPESA_API_BASE: daraja.url,
      MPESA_CONSUMER_KEY: daraja.credentials.consumerKey,
      MPESA_CONSUMER_SECRET: daraja.credentials.consumerSecret,
      MPESA_SHORTCODE: daraja.credentials.shortcode,
      MPESA_PASSKEY: daraja.credentials.passkey,
      MPESA_CALLBACK_BASE_URL: `http://127.0.0.1:${port}`,
      MPESA_CALLBACK_TOKEN: TOKEN,
      MOBILE_MONEY_QUERY_AFTER_MS: '1',
      MOBILE_MONEY_EXPIRE_AFTER_MS: String(EXPIRE_AFTER_MS),
    });
    await app.service.app.listen(port, '127.0.0.1');
  });

  afterAll(async () => {
    await daraja?.close();
    await app?.close();
  });

  /** A new buyer's number (each test its own, so scenarios do not mix) and a 1,500 KES payment. */
  function mpesaPayment(amount = 150_000): { request: PaymentRequest; phone: string } {
    phones += 1;
    const phone = `+2547${String(10_000_000 + phones).padStart(8, '0')}`;
    return { phone, request: paymentRequest({ type: 'mobile_money', provider: 'mpesa', phone }, { amount: { amount, currency: 'KES' } }) };
  }
  const types = async (paymentId: string) => (await app.stream(paymentId)).map((event) => event.type);
  const eventOf = async (paymentId: string, type: string) => (await app.stream(paymentId)).find((event) => event.type === type)?.data as Record<string, unknown> | undefined;
  const pushOf = (phone: string) => waitFor(() => daraja.pushTo(phone), { description: 'the STK push' });
  async function reconcile() {
    await app.caughtUp();
    return app.service.app.get(PaymentReconciler).reconcileOnce();
  }

  it('pushes whole shillings to the phone, waits, and captures on the success callback', async () => {
    const { request, phone } = mpesaPayment();
    await app.deliver(orderPaymentRequested(request));
    const push = await pushOf(phone);
    expect(push.request).toMatchObject({ Amount: 1500, PhoneNumber: phone.slice(1), PartyA: phone.slice(1), PartyB: '174379', CallBackURL: expect.stringMatching(new RegExp(`/webhooks/mpesa/${TOKEN}$`)) });
    expect(await eventOf(request.paymentId, 'PaymentRequiresAction')).toMatchObject({ provider: 'mpesa', providerPaymentId: push.checkoutRequestId, nextActionType: 'mobile_money_push' });
    await waitFor(async () => (await types(request.paymentId)).includes('PaymentCaptured'), { description: 'the capture' });
    expect(await eventOf(request.paymentId, 'PaymentCaptured')).toMatchObject({ amount: { amount: 150_000, currency: 'KES' }, provider: 'mpesa', providerPaymentId: push.checkoutRequestId });
    // The capture commits before the callback's answer reaches the server.
    await waitFor(() => daraja.callbacks.statusesOf(push.checkoutRequestId).length === 1, { description: "the callback's answer" });
    expect(daraja.callbacks.statusesOf(push.checkoutRequestId)).toEqual([200]);
  });

  it('keeps the receipt number of the callback, so that the M-Pesa portal statement matches the payment', async () => {
    const { request, phone } = mpesaPayment();
    await app.deliver(orderPaymentRequested(request));
    const push = await pushOf(phone);
    await waitFor(async () => (await types(request.paymentId)).includes('PaymentReceiptRecorded'), { description: 'the receipt' });
    expect(await eventOf(request.paymentId, 'PaymentReceiptRecorded')).toMatchObject({ providerPaymentId: push.checkoutRequestId, receipt: push.receipt });
    await app.caughtUp();
    const completed = new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    const statement = [
      'Receipt No.,Completion Time,Initiation Time,Details,Transaction Status,Paid In,Withdrawn,Balance,Balance Confirmed,Reason Type,Other Party Info,Linked Transaction ID,A/C No.',
      `${push.receipt},${completed},${completed},Pay Bill Online,Completed,1500.00,,1500.00,true,Pay Bill Online,254712345678 - Buyer,,${push.request.AccountReference}`,
    ].join('\n');
    const admin = await caller(app, ['admin']);
    const report = await call(app, 'POST', '/admin/reconciliation/statements?provider=mpesa', { raw: statement, as: admin, headers: { 'content-type': 'text/csv' } });
    expect(report.status).toBe(200);
    expect(report.body.matched).toEqual([expect.objectContaining({ reference: push.receipt, paymentId: request.paymentId, amount: { amount: 150_000, currency: 'KES' }, status: 'completed' })]);
  });

  it('reuses its access token until it nears expiry', async () => {
    const before = daraja.tokensIssued;
    const { request, phone } = mpesaPayment();
    await app.deliver(orderPaymentRequested(request));
    await pushOf(phone);
    expect(daraja.tokensIssued).toBe(before);
  });

  it.each([
    [1032, 'cancelled_by_user'],
    [1, 'insufficient_funds'],
    [2001, 'wrong_pin'],
    [1037, 'unreachable'],
  ])('fails the payment on result code %i as %s', async (resultCode, failureCode) => {
    const { request, phone } = mpesaPayment();
    daraja.scenario(phone, { resultCode });
    await app.deliver(orderPaymentRequested(request));
    await waitFor(async () => (await types(request.paymentId)).includes('PaymentFailed'), { description: 'the failure' });
    expect(await eventOf(request.paymentId, 'PaymentFailed')).toMatchObject({ failureCode, declineCode: `mpesa_${resultCode}` });
  });

  it('gives a duplicate callback no second effect', async () => {
    const { request, phone } = mpesaPayment();
    daraja.scenario(phone, { resultCode: 0, callback: 'twice' });
    await app.deliver(orderPaymentRequested(request));
    const push = await pushOf(phone);
    await waitFor(() => daraja.callbacks.statusesOf(push.checkoutRequestId).length === 2, { description: 'both callbacks' });
    expect(daraja.callbacks.statusesOf(push.checkoutRequestId)).toEqual([200, 200]);
    expect(await types(request.paymentId)).toEqual(['PaymentInitiated', 'PaymentPayerRecorded', 'PaymentRequiresAction', 'PaymentCaptured', 'PaymentReceiptRecorded']);
  });

  it('captures nothing when the callback reports another amount: an anomaly for admins', async () => {
    const { request, phone } = mpesaPayment();
    daraja.scenario(phone, { resultCode: 0, paidAmount: 15 });
    await app.deliver(orderPaymentRequested(request));
    await waitFor(async () => (await types(request.paymentId)).includes('PaymentAnomalyDetected'), { description: 'the anomaly' });
    expect(await eventOf(request.paymentId, 'PaymentAnomalyDetected')).toMatchObject({ anomaly: 'capture_amount_mismatch', expected: { amount: 150_000, currency: 'KES' }, received: { amount: 1500, currency: 'KES' } });
    expect(await types(request.paymentId)).not.toContain('PaymentCaptured');
  });

  it('settles a push whose callback never comes with the status query', async () => {
    const { request, phone } = mpesaPayment();
    daraja.scenario(phone, { resultCode: 0, callback: 'none' });
    await app.deliver(orderPaymentRequested(request));
    await pushOf(phone);
    const queries = daraja.queries;
    const report = await reconcile();
    expect(report?.checked).toContain(request.paymentId);
    expect(daraja.queries).toBeGreaterThan(queries);
    expect(await types(request.paymentId)).toContain('PaymentCaptured');
  });

  it('expires a push nobody answers once the last status query still finds it waiting', async () => {
    const { request, phone } = mpesaPayment();
    daraja.scenario(phone, { resultCode: 0, unanswered: true });
    await app.deliver(orderPaymentRequested(request));
    await pushOf(phone);
    await reconcile();
    expect(await types(request.paymentId)).not.toContain('PaymentFailed');
    await new Promise((resolve) => setTimeout(resolve, EXPIRE_AFTER_MS));
    await reconcile();
    expect(await eventOf(request.paymentId, 'PaymentFailed')).toMatchObject({ failureCode: 'expired', provider: 'mpesa' });
  });

  it('refuses an amount M-Pesa cannot charge as a failure, without a push', async () => {
    const { request, phone } = mpesaPayment(150_050);
    await app.deliver(orderPaymentRequested(request));
    expect(await eventOf(request.paymentId, 'PaymentFailed')).toMatchObject({ failureCode: 'amount_not_chargeable' });
    expect(daraja.pushTo(phone)).toBeUndefined();
  });

  describe('callbacks from outside', () => {
    let request: PaymentRequest;
    let body: unknown;

    beforeAll(async () => {
      const payment = mpesaPayment();
      request = payment.request;
      daraja.scenario(payment.phone, { resultCode: 0, callback: 'none' });
      await app.deliver(orderPaymentRequested(request));
      body = daraja.callbackBody(await pushOf(payment.phone));
      // The push reaches the server before PaymentRequiresAction commits; the callback finds the payment by it.
      await waitFor(async () => (await types(request.paymentId)).includes('PaymentRequiresAction'), { description: 'the pending payment' });
      await app.caughtUp();
    });

    const unchanged = async () => expect(await types(request.paymentId)).toEqual(['PaymentInitiated', 'PaymentPayerRecorded', 'PaymentRequiresAction']);

    it('answers 404 on a wrong token, with nothing written', async () => {
      expect(await call(app, 'POST', '/webhooks/mpesa/not-the-token', { body })).toEqual({ status: 404, body: errorBody('not_found') });
      await unchanged();
    });

    it.each([
      ['no stkCallback', { Body: {} }],
      ['a result code that is not a number', { Body: { stkCallback: { MerchantRequestID: 'm', CheckoutRequestID: 'c', ResultCode: 'zero', ResultDesc: '' } } }],
      ['an array', []],
    ])('answers 400 to a body with %s, with nothing written', async (_name, malformed) => {
      const answer = await call(app, 'POST', `/webhooks/mpesa/${TOKEN}`, { body: malformed });
      expect(answer).toEqual({ status: 400, body: errorBody('validation_failed') });
      await unchanged();
    });

    it('answers 415 to a body that is not JSON', async () => {
      const answer = await call(app, 'POST', `/webhooks/mpesa/${TOKEN}`, { raw: 'Body=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(answer.status).toBe(415);
      await unchanged();
    });

    it('applies the genuine callback', async () => {
      expect(await call(app, 'POST', `/webhooks/mpesa/${TOKEN}`, { body })).toEqual({ status: 200, body: { ResultCode: 0, ResultDesc: 'Accepted', result: 'applied' } });
      expect(await types(request.paymentId)).toContain('PaymentCaptured');
    });
  });
});
