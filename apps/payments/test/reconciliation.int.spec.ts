import { idempotencyKeys } from '../src/payments/application/idempotency-keys';
import { PAYMENT_PROVIDER, type PaymentProviderPort, ProviderUnavailableError } from '../src/payments/application/payment-provider';
import { PaymentReconciler } from '../src/payments/application/payment-reconciler';
import { PaymentStreams } from '../src/payments/application/payment-streams';
import { ReconciliationLock } from '../src/payments/infrastructure/reconciliation/reconciliation-lock';
import { simulatedPaymentId } from '../src/payments/infrastructure/providers/simulated-provider';
import { orderPaymentRequested, paymentRequest, type PaymentRequest } from './orders-events';
import { type PaymentsTestApp, startPayments } from './payments-app';

describe('reconciliation', () => {
  let app: PaymentsTestApp;
  let provider: PaymentProviderPort;
  let streams: PaymentStreams;
  let reconciler: PaymentReconciler;

  beforeAll(async () => {
    // Anything unchanged for 1 ms is due, so a test only waits for the read model.
    app = await startPayments({ PAYMENT_RECONCILE_AFTER_MS: '1' });
    provider = app.service.app.get(PAYMENT_PROVIDER);
    streams = app.service.app.get(PaymentStreams);
    reconciler = app.service.app.get(PaymentReconciler);
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await app?.close();
  });

  /** The payment as a process that died right after initiating it left it: no charge sent, or no answer recorded. */
  async function initiatedOnly(request: PaymentRequest): Promise<void> {
    await streams.handle({ type: 'InitiatePayment', ...request, provider: 'simulated', at: new Date() });
  }
  async function reconcile() {
    await app.caughtUp();
    const report = await reconciler.reconcileOnce();
    if (!report) throw new Error('another reconciler held the lock');
    return report;
  }
  const types = async (paymentId: string) => (await app.stream(paymentId)).map((event) => event.type);

  it('charges a payment the provider never answered, with the idempotency key of the first attempt, to a final state', async () => {
    const request = paymentRequest('pm_card_visa');
    await initiatedOnly(request);
    const charge = jest.spyOn(provider, 'charge');
    const report = await reconcile();
    expect(report.checked).toContain(request.paymentId);
    expect(charge).toHaveBeenCalledWith(expect.objectContaining({ paymentId: request.paymentId, idempotencyKey: idempotencyKeys.charge(request.paymentId) }));
    expect(await types(request.paymentId)).toEqual(['PaymentInitiated', 'PaymentPayerRecorded', 'PaymentCaptured']);
  });

  it('queries the provider again about a payment waiting for 3-D Secure', async () => {
    const request = paymentRequest('pm_card_threeDSecure2Required');
    await app.deliver(orderPaymentRequested(request));
    const retrieve = jest.spyOn(provider, 'retrieve');
    expect((await reconcile()).checked).toContain(request.paymentId);
    expect(retrieve).toHaveBeenCalledWith(
      expect.objectContaining({ paymentId: request.paymentId, providerPaymentId: simulatedPaymentId(request.paymentId), idempotencyKey: idempotencyKeys.retrieve(request.paymentId) }),
    );
    expect(await types(request.paymentId)).toEqual(['PaymentInitiated', 'PaymentPayerRecorded', 'PaymentRequiresAction']);
    expect(await app.db('reconciliation_attempts').where({ payment_id: request.paymentId }).first('error')).toEqual({ error: null });
  });

  it('sends again a refund left pending, with its own key', async () => {
    const request = paymentRequest('pm_card_visa');
    await app.deliver(orderPaymentRequested(request));
    const refundId = '5b0f3c1e-2d4a-4e6b-8c9d-0e1f2a3b4c5d';
    await streams.handle({ type: 'RequestRefund', paymentId: request.paymentId, refundId, reason: 'left pending', requestedBy: '2f6e8d4c-1a3b-4c5d-9e7f-8a9b0c1d2e3f', at: new Date() });
    const refund = jest.spyOn(provider, 'refund');
    await reconcile();
    expect(refund).toHaveBeenCalledWith(expect.objectContaining({ refundId, idempotencyKey: idempotencyKeys.refund(refundId) }));
    expect((await types(request.paymentId)).slice(-2)).toEqual(['RefundRequested', 'RefundIssued']);
  });

  it('abandons a payment whose order was cancelled before the provider ever answered', async () => {
    const request = paymentRequest('pm_card_visa');
    await initiatedOnly(request);
    await streams.handle({ type: 'NoteOrderCancelled', paymentId: request.paymentId, reason: 'payment_timeout', at: new Date() });
    const charge = jest.spyOn(provider, 'charge');
    await reconcile();
    expect(charge).not.toHaveBeenCalledWith(expect.objectContaining({ paymentId: request.paymentId }));
    const failed = (await app.stream(request.paymentId)).at(-1);
    expect(failed).toMatchObject({ type: 'PaymentFailed', data: { failureCode: 'canceled' } });
  });

  it('keeps going when one payment fails, and notes the error', async () => {
    const [broken, fine] = [paymentRequest('pm_card_threeDSecure2Required'), paymentRequest('pm_card_visa')];
    await app.deliver(orderPaymentRequested(broken));
    await initiatedOnly(fine);
    const original = provider.retrieve.bind(provider);
    jest.spyOn(provider, 'retrieve').mockImplementation(async (payment) => {
      if (payment.paymentId === broken.paymentId) throw new ProviderUnavailableError('provider timed out');
      return original(payment);
    });
    const report = await reconcile();
    expect(report.failed).toContain(broken.paymentId);
    expect(report.checked).toContain(fine.paymentId);
    expect(await types(fine.paymentId)).toContain('PaymentCaptured');
    expect(await app.db('reconciliation_attempts').where({ payment_id: broken.paymentId }).first('error')).toEqual({ error: 'provider timed out' });
  });

  it('lets one instance reconcile at a time', async () => {
    const lock = app.service.app.get(ReconciliationLock);
    const inner = await lock.exclusively(() => reconciler.reconcileOnce());
    expect(inner).toBeUndefined();
    expect(await reconciler.reconcileOnce()).toEqual(expect.objectContaining({ checked: expect.any(Array) }));
  });
});
