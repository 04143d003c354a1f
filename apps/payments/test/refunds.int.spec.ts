import { paymentStream } from '../src/payments/domain/payment-events';
import { call, type Caller, caller, errorBody } from './http';
import { orderPaymentRequested, paymentRequest, type PaymentRequest } from './orders-events';
import { type PaymentsTestApp, startPayments } from './payments-app';

describe('refunds through the admin API', () => {
  let app: PaymentsTestApp;
  let admin: Caller;

  beforeAll(async () => {
    app = await startPayments();
    admin = await caller(app, ['buyer', 'admin']);
  });

  afterAll(async () => {
    await app?.close();
  });

  async function capturedPayment(amount = 4900): Promise<PaymentRequest> {
    const request = paymentRequest('pm_card_visa', { amount: { amount, currency: 'EUR' } });
    await app.deliver(orderPaymentRequested(request));
    return request;
  }
  const refund = (paymentId: string, body: unknown, headers: Record<string, string> = {}, as = admin) => call(app, 'POST', `/admin/payments/${paymentId}/refunds`, { as, body, headers });
  const eur = (amount: number) => ({ amount, currency: 'EUR' });
  const types = async (paymentId: string) => (await app.store.readStream(paymentStream(paymentId))).map((event) => event.type);

  it('issues partial refunds that add up to the capture, then refuses one more minor unit and writes nothing', async () => {
    const { paymentId } = await capturedPayment(1000);
    for (const amount of [300, 300, 400]) {
      const answer = await refund(paymentId, { amount: eur(amount), reason: 'partial' });
      expect(answer).toEqual({ status: 201, body: { refundId: expect.any(String), paymentId, amount: eur(amount), status: 'issued' } });
    }
    const before = await types(paymentId);
    const over = await refund(paymentId, { amount: eur(1), reason: 'one more' });
    expect(over).toEqual({ status: 422, body: errorBody('refund_exceeds_captured') });
    expect(await types(paymentId)).toEqual(before);
    expect(before.filter((type) => type === 'RefundIssued')).toHaveLength(3);
  });

  it('refunds the whole remainder when no amount is given', async () => {
    const { paymentId } = await capturedPayment(2500);
    await refund(paymentId, { amount: eur(500), reason: 'part' });
    expect((await refund(paymentId, { reason: 'the rest' })).body).toMatchObject({ amount: eur(2000), status: 'issued' });
    expect(await refund(paymentId, { reason: 'nothing left' })).toEqual({ status: 422, body: errorBody('refund_exceeds_captured') });
  });

  it('treats the same Idempotency-Key as the same refund, with the same answer', async () => {
    const { paymentId } = await capturedPayment();
    const headers = { 'idempotency-key': 'refund-2026-0001' };
    const first = await refund(paymentId, { amount: eur(1500), reason: 'damaged' }, headers);
    const again = await refund(paymentId, { amount: eur(1500), reason: 'damaged' }, headers);
    expect(first.status).toBe(201);
    expect(again).toEqual(first);
    expect((await types(paymentId)).filter((type) => type.startsWith('Refund'))).toEqual(['RefundRequested', 'RefundIssued']);
    expect(await refund(paymentId, { amount: eur(1600), reason: 'damaged' }, headers)).toEqual({ status: 409, body: errorBody('idempotency_key_reused') });
    const other = await refund(paymentId, { amount: eur(1500), reason: 'damaged' }, { 'idempotency-key': 'refund-2026-0002' });
    expect(other.body.refundId).not.toBe(first.body.refundId);
  });

  it('refuses a payment that was not captured, another currency and an unknown payment', async () => {
    const declined = paymentRequest('pm_card_chargeDeclined');
    await app.deliver(orderPaymentRequested(declined));
    expect(await refund(declined.paymentId, { reason: 'why not' })).toEqual({ status: 422, body: errorBody('payment_not_captured') });
    const { paymentId } = await capturedPayment();
    expect(await refund(paymentId, { amount: { amount: 100, currency: 'USD' }, reason: 'dollars' })).toEqual({ status: 422, body: errorBody('refund_currency_mismatch') });
    expect(await refund('7d9c3a52-8a4e-4c0e-9f6b-2b1f0c3d4e5f', { reason: 'ghost' })).toEqual({ status: 404, body: errorBody('payment_not_found') });
  });

  it('lets only admins refund', async () => {
    const request = await capturedPayment();
    const buyer = await caller(app, ['buyer'], request.buyerId);
    const seller = await caller(app, ['buyer', 'seller']);
    expect(await refund(request.paymentId, { reason: 'mine' }, {}, buyer)).toEqual({ status: 403, body: errorBody('forbidden') });
    expect(await refund(request.paymentId, { reason: 'sold it' }, {}, seller)).toEqual({ status: 403, body: errorBody('forbidden') });
    expect(await types(request.paymentId)).not.toContain('RefundRequested');
  });

  it('shows the payment with its refunds to its buyer', async () => {
    const request = await capturedPayment();
    const { body } = await refund(request.paymentId, { amount: eur(900), reason: 'scratched' });
    await app.caughtUp();
    const buyer = await caller(app, ['buyer'], request.buyerId);
    const view = await call(app, 'GET', `/payments/${request.paymentId}`, { as: buyer });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ id: request.paymentId, status: 'captured', captured: eur(4900), refunded: eur(900), pendingRefunds: eur(0) });
    expect(view.body.refunds).toEqual([expect.objectContaining({ refundId: body.refundId, amount: eur(900), status: 'issued', reason: 'scratched', requestedBy: admin.id })]);
    expect(view.body.anomalies).toBeUndefined();
  });
});
