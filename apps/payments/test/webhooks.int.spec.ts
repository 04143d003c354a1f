import { randomUUID } from 'node:crypto';
import { PaymentStreams } from '../src/payments/application/payment-streams';
import { MARKETPLACE_ACTOR } from '../src/payments/domain/automatic-refund';
import { REFUNDED_AT_PROVIDER } from '../src/payments/domain/record-refund-outcomes';
import { simulatedPaymentId } from '../src/payments/infrastructure/providers/simulated-provider';
import { WEBHOOK_EVENTS_TABLE } from '../src/payments/infrastructure/webhooks/webhook-deliveries';
import { errorBody } from './http';
import { orderPaymentRequested, paymentRequest, type PaymentRequest } from './orders-events';
import { type PaymentsTestApp, startPayments } from './payments-app';
import { deliverWebhook, type IntentEventType, intentEvent, postWebhook, signed } from './stripe-webhooks';

describe('Stripe webhooks (simulated provider)', () => {
  let app: PaymentsTestApp;

  beforeAll(async () => {
    app = await startPayments();
  });

  afterAll(async () => {
    await app?.close();
  });

  /** A payment waiting for 3-D Secure, as pm_card_threeDSecure2Required leaves it. */
  async function awaitingThreeDSecure(): Promise<PaymentRequest> {
    const request = paymentRequest('pm_card_threeDSecure2Required');
    await app.deliver(orderPaymentRequested(request));
    expect((await app.stream(request.paymentId)).map((e) => e.type)).toEqual(['PaymentInitiated', 'PaymentPayerRecorded', 'PaymentRequiresAction']);
    return request;
  }

  const types = async (paymentId: string) => (await app.stream(paymentId)).map((event) => event.type);
  const deliveries = async () => Number((await app.db(WEBHOOK_EVENTS_TABLE).count<{ count: string }[]>({ count: '*' }))[0].count);

  it('applies a signed payment_intent.succeeded delivered three times exactly once', async () => {
    const request = await awaitingThreeDSecure();
    const event = intentEvent('payment_intent.succeeded', request, simulatedPaymentId(request.paymentId));
    const answers = [await deliverWebhook(app, event), await deliverWebhook(app, event), await deliverWebhook(app, event)];
    expect(answers.map((answer) => [answer.status, answer.body.result])).toEqual([
      [200, 'applied'],
      [200, 'duplicate'],
      [200, 'duplicate'],
    ]);
    expect((await types(request.paymentId)).filter((type) => type === 'PaymentCaptured')).toHaveLength(1);
    expect(await app.db(WEBHOOK_EVENTS_TABLE).where({ event_id: event.id }).select('type', 'outcome')).toEqual([{ type: 'payment_intent.succeeded', outcome: 'applied' }]);
  });

  it('captures once when the same event arrives three times at once', async () => {
    const request = await awaitingThreeDSecure();
    const event = intentEvent('payment_intent.succeeded', request, simulatedPaymentId(request.paymentId));
    const answers = await Promise.all([deliverWebhook(app, event), deliverWebhook(app, event), deliverWebhook(app, event)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect((await types(request.paymentId)).filter((type) => type === 'PaymentCaptured')).toHaveLength(1);
    expect(await app.db(WEBHOOK_EVENTS_TABLE).where({ event_id: event.id }).count<{ count: string }[]>({ count: '*' })).toEqual([{ count: '1' }]);
  });

  it('reaches the same final state whatever the order of requires_action, succeeded and a stale payment_failed', async () => {
    const orders: IntentEventType[][] = [
      ['payment_intent.requires_action', 'payment_intent.succeeded', 'payment_intent.payment_failed'],
      ['payment_intent.payment_failed', 'payment_intent.requires_action', 'payment_intent.succeeded'],
      ['payment_intent.succeeded', 'payment_intent.payment_failed', 'payment_intent.requires_action'],
      ['payment_intent.requires_action', 'payment_intent.payment_failed', 'payment_intent.succeeded'],
    ];
    const finals = [];
    for (const order of orders) {
      const request = await awaitingThreeDSecure();
      for (const type of order) expect((await deliverWebhook(app, intentEvent(type, request, simulatedPaymentId(request.paymentId)))).status).toBe(200);
      await app.caughtUp();
      const row = await app.db('payments').where({ id: request.paymentId }).first('status', 'captured', 'refunded', 'pending_refunds', 'failure_code', 'provider_payment_id');
      finals.push({ ...row, provider_payment_id: row.provider_payment_id === simulatedPaymentId(request.paymentId) });
      expect((await types(request.paymentId)).filter((type) => type === 'PaymentCaptured')).toHaveLength(1);
    }
    expect(finals).toEqual(orders.map(() => ({ status: 'captured', captured: '4900', refunded: '0', pending_refunds: '0', failure_code: null, provider_payment_id: true })));
  });

  it('refuses a bad signature, a signature of another body and an expired one with 400, changing nothing', async () => {
    const request = await awaitingThreeDSecure();
    const event = intentEvent('payment_intent.succeeded', request, simulatedPaymentId(request.paymentId));
    const { raw, signature } = signed(event);
    const other = signed({ ...event, id: 'evt_other' });
    const expired = signed(event, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    const before = { stream: await types(request.paymentId), deliveries: await deliveries() };
    const attempts = [
      postWebhook(app, raw, signature.replace(/v1=[0-9a-f]{6}/, 'v1=000000')),
      postWebhook(app, raw, signed(event, { secret: 'whsec_someone_else' }).signature),
      postWebhook(app, raw, other.signature),
      postWebhook(app, raw, expired.signature),
      postWebhook(app, raw),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(errorBody('invalid_signature'));
    }
    expect({ stream: await types(request.paymentId), deliveries: await deliveries() }).toEqual(before);
    expect(await app.db(WEBHOOK_EVENTS_TABLE).where({ event_id: event.id }).first()).toBeUndefined();
  });

  it('answers 200 to an event about a payment it does not hold, and to event types it does not handle', async () => {
    const stranger = paymentRequest();
    const unknown = await deliverWebhook(app, intentEvent('payment_intent.succeeded', stranger, 'pi_unknown'));
    expect(unknown).toEqual({ status: 200, body: { received: true, result: 'unknown_payment' } });
    expect(await app.stream(stranger.paymentId)).toEqual([]);
    const other = await deliverWebhook(app, { id: 'evt_customer', object: 'event', type: 'customer.created', data: { object: { id: 'cus_1' } } });
    expect(other).toEqual({ status: 200, body: { received: true, result: 'ignored' } });
  });

  it('completes a pending refund from charge.refunded and records one made at the provider, each once', async () => {
    const request = paymentRequest('pm_card_visa');
    await app.deliver(orderPaymentRequested(request));
    const refundId = '5b0f3c1e-2d4a-4e6b-8c9d-0e1f2a3b4c5d';
    const adminId = '2f6e8d4c-1a3b-4c5d-9e7f-8a9b0c1d2e3f';
    // Reserved, and the process died before Stripe's answer was recorded.
    await app.service.app.get(PaymentStreams).handle({ type: 'RequestRefund', paymentId: request.paymentId, refundId, amount: { amount: 1000, currency: 'EUR' }, reason: 'dented', requestedBy: adminId, at: new Date() });
    const refund = (id: string, amount: number, metadata: Record<string, string>) => ({ id, object: 'refund', amount, currency: 'eur', status: 'succeeded', metadata });
    const chargeRefunded = () => ({
      id: `evt_${randomUUID()}`,
      object: 'event',
      type: 'charge.refunded',
      data: {
        object: {
          id: 'ch_1',
          object: 'charge',
          payment_intent: simulatedPaymentId(request.paymentId),
          metadata: { paymentId: request.paymentId, orderId: request.orderId },
          refunds: { object: 'list', data: [refund('re_ours', 1000, { paymentId: request.paymentId, refundId }), refund('re_dashboard', 500, {})] },
        },
      },
    });
    expect((await deliverWebhook(app, chargeRefunded())).body.result).toBe('applied');
    expect((await deliverWebhook(app, chargeRefunded())).body.result).toBe('applied');
    const issued = (await app.stream(request.paymentId)).filter((event) => event.type === 'RefundIssued').map((event) => event.data);
    expect(issued).toEqual([
      expect.objectContaining({ refundId, providerRefundId: 're_ours', amount: { amount: 1000, currency: 'EUR' }, issuedBy: adminId, reason: 'dented' }),
      expect.objectContaining({ providerRefundId: 're_dashboard', amount: { amount: 500, currency: 'EUR' }, issuedBy: MARKETPLACE_ACTOR, reason: REFUNDED_AT_PROVIDER }),
    ]);
  });

  it('never applies a capture of another amount: it records an anomaly for admins instead', async () => {
    const request = await awaitingThreeDSecure();
    const short = intentEvent('payment_intent.succeeded', request, simulatedPaymentId(request.paymentId), { amountReceived: 4800 });
    expect((await deliverWebhook(app, short)).status).toBe(200);
    const last = (await app.stream(request.paymentId)).at(-1);
    expect(last).toMatchObject({ type: 'PaymentAnomalyDetected', data: { anomaly: 'capture_amount_mismatch', expected: request.amount, received: { amount: 4800, currency: 'EUR' } } });
    expect(await types(request.paymentId)).not.toContain('PaymentCaptured');
  });

  it('ignores a webhook about another provider payment than the one the payment recorded', async () => {
    const request = await awaitingThreeDSecure();
    expect((await deliverWebhook(app, intentEvent('payment_intent.succeeded', request, 'pi_not_this_one'))).status).toBe(200);
    expect(await types(request.paymentId)).not.toContain('PaymentCaptured');
  });
});
