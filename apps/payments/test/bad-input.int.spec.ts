import { WEBHOOK_EVENTS_TABLE } from '../src/payments/infrastructure/webhooks/webhook-deliveries';
import { call, type Caller, caller, errorBody } from './http';
import { orderPaymentRequested, paymentRequest, type PaymentRequest } from './orders-events';
import { type PaymentsTestApp, startPayments } from './payments-app';
import { intentEvent, postWebhook, signed } from './stripe-webhooks';

const BODY_LIMIT = 4096;
const SOME_UUID = '0b7e4a8c-1d2f-4e3a-8b9c-0d1e2f3a4b5c';

describe('payments bad input', () => {
  let app: PaymentsTestApp;
  let admin: Caller;
  let payment: PaymentRequest;

  beforeAll(async () => {
    app = await startPayments({ BODY_LIMIT_BYTES: String(BODY_LIMIT) });
    admin = await caller(app, ['buyer', 'admin']);
    payment = paymentRequest('pm_card_visa');
    await app.deliver(orderPaymentRequested(payment));
    await app.caughtUp();
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Every table payments writes: the event store, the read model, webhook deliveries, reconciliation attempts. */
  async function counts(): Promise<Record<string, string>> {
    const result: Record<string, string> = {};
    for (const table of ['events', 'payments', WEBHOOK_EVENTS_TABLE, 'reconciliation_attempts']) {
      result[table] = (await app.db(table).count<{ count: string }[]>({ count: '*' }))[0].count;
    }
    return result;
  }

  const refundUrl = () => `/admin/payments/${payment.paymentId}/refunds`;
  const eur = (amount: unknown) => ({ amount, currency: 'EUR' });
  const refunds: [string, () => string, unknown][] = [
    ['a payment id that is not a UUID', () => '/admin/payments/not-a-uuid/refunds', { reason: 'x' }],
    ['no reason', refundUrl, {}],
    ['an empty reason', refundUrl, { reason: '   ' }],
    ['a 501-character reason', refundUrl, { reason: 'x'.repeat(501) }],
    ['a reason with a NUL', refundUrl, { reason: 'broken\u0000' }],
    ['a negative amount', refundUrl, { amount: eur(-1), reason: 'x' }],
    ['a zero amount', refundUrl, { amount: eur(0), reason: 'x' }],
    ['a float amount', refundUrl, { amount: eur(49.5), reason: 'x' }],
    ['an amount as a string', refundUrl, { amount: eur('100'), reason: 'x' }],
    ['an amount beyond the safe integers', refundUrl, { amount: eur(2 ** 53), reason: 'x' }],
    ['an amount without money shape', refundUrl, { amount: 100, reason: 'x' }],
    ['a lower-case currency', refundUrl, { amount: { amount: 100, currency: 'eur' }, reason: 'x' }],
    ['a four-letter currency', refundUrl, { amount: { amount: 100, currency: 'EURO' }, reason: 'x' }],
    ['an unknown field', refundUrl, { reason: 'x', refundId: 'mine' }],
    ['an unknown field in the amount', refundUrl, { amount: { amount: 100, currency: 'EUR', cents: true }, reason: 'x' }],
    ['a JSON array', refundUrl, [{ reason: 'x' }]],
  ];

  it.each(refunds)('refuses a refund with %s: 400 in the standard format, nothing written', async (_name, url, body) => {
    const before = await counts();
    const answer = await call(app, 'POST', url(), { as: admin, body });
    expect(answer).toEqual({ status: 400, body: errorBody('validation_failed') });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a space', 'two words'],
    ['256 characters', 'k'.repeat(256)],
  ])('refuses an Idempotency-Key with %s', async (_name, key) => {
    const before = await counts();
    const answer = await call(app, 'POST', refundUrl(), { as: admin, body: { reason: 'x' }, headers: { 'idempotency-key': key } });
    expect(answer).toEqual({ status: 400, body: errorBody('validation_failed') });
    expect(answer.body.error.details).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an orderId that is not a UUID', '/payments?orderId=123'],
    ['an unknown parameter', '/payments?buyerId=me'],
    ['orderId given twice', `/payments?orderId=${SOME_UUID}&orderId=${SOME_UUID}`],
    ['a limit of 0', '/payments?limit=0'],
    ['a limit of 101', '/payments?limit=101'],
    ['a limit that is not a number', '/payments?limit=all'],
    ['a payment id that is not a UUID', "/payments/1'%20or%201=1"],
  ])('refuses a read with %s: 400', async (_name, url) => {
    expect(await call(app, 'GET', url, { as: admin })).toEqual({ status: 400, body: errorBody('validation_failed') });
  });

  it.each([
    ['a form body', 415, 'application/x-www-form-urlencoded', 'reason=sneaky', 'unsupported_media_type'],
    ['a text body', 415, 'text/plain', 'reason', 'unsupported_media_type'],
    ['malformed JSON', 400, 'application/json', '{"reason": ', 'bad_request'],
    ['a body over the size limit', 413, 'application/json', JSON.stringify({ reason: 'x'.repeat(BODY_LIMIT) }), 'payload_too_large'],
  ])('refuses a refund sent as %s with %i, writing nothing', async (_name, status, contentType, raw, code) => {
    const before = await counts();
    const answer = await call(app, 'POST', refundUrl(), { as: admin, raw, headers: { 'content-type': contentType } });
    expect(answer).toEqual({ status, body: errorBody(code) });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a form body', 415, 'application/x-www-form-urlencoded', 'id=evt_1', 'unsupported_media_type'],
    ['malformed JSON', 400, 'application/json', '{"id": ', 'bad_request'],
    ['a body over the size limit', 413, 'application/json', JSON.stringify({ id: 'x'.repeat(BODY_LIMIT) }), 'payload_too_large'],
  ])('refuses a webhook sent as %s with %i, writing nothing', async (_name, status, contentType, raw, code) => {
    const before = await counts();
    expect(await postWebhook(app, raw, signed({ id: 'evt_1' }).signature, contentType)).toEqual({ status, body: errorBody(code) });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['is not an event', () => ({ hello: 'world' })],
    ['has an intent without amounts', () => ({ ...intentEvent('payment_intent.succeeded', payment, 'pi_1'), data: { object: { id: 'pi_1', metadata: { paymentId: payment.paymentId } } } })],
  ])('refuses a signed webhook that %s with 400 invalid_webhook, writing nothing', async (_name, event) => {
    const before = await counts();
    const { raw, signature } = signed(event());
    expect(await postWebhook(app, raw, signature)).toEqual({ status: 400, body: errorBody('invalid_webhook') });
    expect(await counts()).toEqual(before);
  });
});

describe('payments without a webhook signing secret', () => {
  let app: PaymentsTestApp;

  beforeAll(async () => {
    app = await startPayments({ STRIPE_WEBHOOK_SECRET: '' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('refuses every webhook with 503 webhooks_not_configured', async () => {
    const { raw, signature } = signed(intentEvent('payment_intent.succeeded', paymentRequest(), 'pi_1'));
    expect(await postWebhook(app, raw, signature)).toEqual({ status: 503, body: errorBody('webhooks_not_configured') });
    expect(await app.db(WEBHOOK_EVENTS_TABLE).count<{ count: string }[]>({ count: '*' })).toEqual([{ count: '0' }]);
  });
});
