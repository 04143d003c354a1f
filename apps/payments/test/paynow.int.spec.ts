import { freePort, PaynowTestServer, waitFor } from '@marketplace/testing';
import { PaymentReconciler } from '../src/payments/application/payment-reconciler';
import { call, errorBody } from './http';
import { orderPaymentRequested, paymentRequest, type PaymentRequest } from './orders-events';
import { type PaymentsTestApp, startPayments } from './payments-app';

/** PayNow's express checkout against a local PayNow-shaped server that hashes and posts status updates. */
describe('PayNow', () => {
  let paynow: PaynowTestServer;
  let app: PaymentsTestApp;
  let phones = 0;

  beforeAll(async () => {
    paynow = await PaynowTestServer.start();
    const port = await freePort();
    app = await startPayments({
      PAYNOW_API_BASE: paynow.url,
      PAYNOW_INTEGRATION_ID: paynow.integrationId,
      PAYNOW_INTEGRATION_KEY: paynow.integrationKey,
      PAYNOW_RESULT_BASE_URL: `http://127.0.0.1:${port}`,
      PAYNOW_AUTH_EMAIL: 'merchant@tese.example',
      MOBILE_MONEY_QUERY_AFTER_MS: '1',
    });
    await app.service.app.listen(port, '127.0.0.1');
  });

  afterAll(async () => {
    await paynow?.close();
    await app?.close();
  });

  /** A 12.50 USD payment from a new EcoCash number; `local` is how PayNow writes it. */
  function paynowPayment(): { request: PaymentRequest; local: string } {
    phones += 1;
    const subscriber = `77${String(1_000_000 + phones).padStart(7, '0')}`;
    const request = paymentRequest({ type: 'mobile_money', provider: 'paynow', phone: `+263${subscriber}` }, { amount: { amount: 1250, currency: 'USD' } });
    return { request, local: `0${subscriber}` };
  }
  const types = async (paymentId: string) => (await app.stream(paymentId)).map((event) => event.type);
  const eventOf = async (paymentId: string, type: string) => (await app.stream(paymentId)).find((event) => event.type === type)?.data as Record<string, unknown> | undefined;
  const transactionOf = (local: string) => waitFor(() => paynow.transactionOf(local), { description: 'the PayNow transaction' });

  it('initiates a signed express checkout and captures on the hashed Paid update', async () => {
    const { request, local } = paynowPayment();
    await app.deliver(orderPaymentRequested(request));
    const transaction = await transactionOf(local);
    expect(transaction).toMatchObject({ reference: request.paymentId, amount: '12.50', method: 'ecocash' });
    await waitFor(async () => (await types(request.paymentId)).includes('PaymentCaptured'), { description: 'the capture' });
    expect(await eventOf(request.paymentId, 'PaymentCaptured')).toMatchObject({ provider: 'paynow', providerPaymentId: transaction.paynowReference, amount: { amount: 1250, currency: 'USD' } });
  });

  it('fails a payment cancelled on the phone, and gives a duplicate update no second effect', async () => {
    const { request, local } = paynowPayment();
    paynow.scenario(local, { status: 'Cancelled', update: 'twice' });
    await app.deliver(orderPaymentRequested(request));
    const transaction = await transactionOf(local);
    await waitFor(() => paynow.updates.statusesOf(transaction.paynowReference).length === 2, { description: 'both updates' });
    expect(paynow.updates.statusesOf(transaction.paynowReference)).toEqual([200, 200]);
    expect(await types(request.paymentId)).toEqual(['PaymentInitiated', 'PaymentPayerRecorded', 'PaymentRequiresAction', 'PaymentFailed']);
    expect(await eventOf(request.paymentId, 'PaymentFailed')).toMatchObject({ failureCode: 'cancelled_by_user' });
  });

  it('settles with the poll URL a payment whose update never comes', async () => {
    const { request, local } = paynowPayment();
    paynow.scenario(local, { status: 'Paid', update: 'none' });
    await app.deliver(orderPaymentRequested(request));
    await transactionOf(local);
    await app.caughtUp();
    const polls = paynow.polls;
    await app.service.app.get(PaymentReconciler).reconcileOnce();
    expect(paynow.polls).toBeGreaterThan(polls);
    expect(await types(request.paymentId)).toContain('PaymentCaptured');
  });

  describe('a status update that is not PayNow’s', () => {
    let request: PaymentRequest;
    let transaction: Awaited<ReturnType<typeof transactionOf>>;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const unchanged = async () => expect(await types(request.paymentId)).toEqual(['PaymentInitiated', 'PaymentPayerRecorded', 'PaymentRequiresAction']);

    beforeAll(async () => {
      const payment = paynowPayment();
      request = payment.request;
      paynow.scenario(payment.local, { status: 'Paid', update: 'none' });
      await app.deliver(orderPaymentRequested(request));
      transaction = await transactionOf(payment.local);
    });

    it('is refused with 400 when tampered (amount changed after hashing) or unsigned, with nothing changed', async () => {
      const tampered = paynow.statusBody(transaction).replace('amount=12.50', 'amount=0.50');
      expect(await call(app, 'POST', '/webhooks/paynow', { raw: tampered, headers: form })).toEqual({ status: 400, body: errorBody('invalid_hash') });
      const unsigned = new URLSearchParams(paynow.statusFields(transaction)).toString();
      expect(await call(app, 'POST', '/webhooks/paynow', { raw: unsigned, headers: form })).toEqual({ status: 400, body: errorBody('invalid_hash') });
      await unchanged();
    });

    it('is refused with 415 as JSON, with nothing changed', async () => {
      expect((await call(app, 'POST', '/webhooks/paynow', { body: Object.fromEntries(paynow.statusFields(transaction)) })).status).toBe(415);
      await unchanged();
    });

    it('records a genuine update of another amount as an anomaly, never a capture', async () => {
      const fields = paynow.statusFields(transaction).map(([name, value]): [string, string] => [name, name === 'amount' ? '1.25' : value]);
      expect(await call(app, 'POST', '/webhooks/paynow', { raw: paynow.statusBody(transaction, fields), headers: form })).toEqual({ status: 200, body: { received: true, result: 'applied' } });
      expect(await eventOf(request.paymentId, 'PaymentAnomalyDetected')).toMatchObject({ expected: { amount: 1250, currency: 'USD' }, received: { amount: 125, currency: 'USD' } });
      expect(await types(request.paymentId)).not.toContain('PaymentCaptured');
    });
  });
});
