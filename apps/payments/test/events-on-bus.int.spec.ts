import { type MarketplaceEvent, parseCloudEvent, TOPICS } from '@marketplace/contracts';
import type { Consumer } from '@marketplace/messaging';
import { describeEachBackend, serviceBusBackends, waitFor } from '@marketplace/testing';
import { randomBytes } from 'node:crypto';
import { automaticRefundId, MARKETPLACE_ACTOR } from '../src/payments/domain/automatic-refund';
import { simulatedPaymentId } from '../src/payments/infrastructure/providers/simulated-provider';
import { orderCancelled, orderPaymentRequested, paymentRequest } from './orders-events';
import { type PaymentsTestApp, startPayments } from './payments-app';
import { deliverWebhook, intentEvent } from './stripe-webhooks';

// Kafka group joins take seconds, and a new group reads orders.order.v1 from its start.
jest.setTimeout(120_000);

describeEachBackend('payments on the bus', serviceBusBackends(), (backend) => {
  let app: PaymentsTestApp;
  let consumer: Consumer;
  const received: { key: string; value: string }[] = [];

  beforeAll(async () => {
    const { kafkaBrokers } = backend();
    app = await startPayments(kafkaBrokers ? { KAFKA_BROKERS: kafkaBrokers.join(',') } : {});
    consumer = await app.bus.consumer({
      groupId: `payments-events-test-${randomBytes(4).toString('hex')}`,
      topics: [TOPICS.paymentsPayment],
      fromBeginning: true,
      onMessage: async (message) => void received.push({ key: message.key, value: message.value.toString('utf8') }),
    });
  });

  afterAll(async () => {
    await consumer?.stop();
    await app?.close();
  });

  /** The payment's events on payments.payment.v1, once there are `count`, each checked against its contract. */
  const published = (paymentId: string, count: number): Promise<MarketplaceEvent[]> =>
    waitFor(
      () => {
        const mine = received.filter((message) => message.key === paymentId);
        return mine.length >= count ? mine.map((message) => parseCloudEvent(message.value, { upcast: 'none' })) : undefined;
      },
      { timeoutMs: 90_000, description: `${count} events of payment ${paymentId} on ${TOPICS.paymentsPayment}` },
    );
  const types = (events: MarketplaceEvent[]) => events.map((event) => event.type);

  it('charges pm_card_visa: PaymentInitiated then PaymentCaptured, valid CloudEvents keyed by the payment', async () => {
    const request = paymentRequest('pm_card_visa');
    await app.publish([orderPaymentRequested(request)]);
    const events = await published(request.paymentId, 2);
    expect(types(events)).toEqual(['marketplace.payments.PaymentInitiated.v2', 'marketplace.payments.PaymentCaptured.v1']);
    for (const event of events) expect(event).toMatchObject({ source: 'marketplace/payments', subject: request.paymentId, specversion: '1.0', datacontenttype: 'application/json' });
    expect(events[0].data).toEqual({ paymentId: request.paymentId, orderId: request.orderId, amount: request.amount, provider: 'simulated', paymentMethod: 'pm_card_visa', initiatedAt: expect.any(String) });
    expect(events[1].data).toEqual({
      paymentId: request.paymentId,
      orderId: request.orderId,
      amount: request.amount,
      provider: 'simulated',
      providerPaymentId: simulatedPaymentId(request.paymentId),
      capturedAt: expect.any(String),
    });
  });

  it('records pm_card_chargeDeclined as PaymentFailed with the decline code, and captures nothing', async () => {
    const request = paymentRequest('pm_card_chargeDeclined');
    await app.publish([orderPaymentRequested(request)]);
    const events = await published(request.paymentId, 2);
    expect(types(events)).toEqual(['marketplace.payments.PaymentInitiated.v2', 'marketplace.payments.PaymentFailed.v1']);
    expect(events[1].data).toMatchObject({ failureCode: 'card_declined', declineCode: 'generic_decline', amount: request.amount });
    expect((await app.stream(request.paymentId)).map((event) => event.type)).not.toContain('PaymentCaptured');
  });

  it('makes one payment of the same request delivered twice (redelivered, and published again)', async () => {
    const request = paymentRequest('pm_card_visa');
    const first = orderPaymentRequested(request);
    await app.publish([first, first, orderPaymentRequested(request)]);
    await published(request.paymentId, 2);
    const later = paymentRequest('pm_card_visa', { orderId: request.orderId });
    await app.publish([orderPaymentRequested(later)]);
    // The order's partition is consumed in order: once the later request is published, the three before it were handled.
    await published(later.paymentId, 2);
    expect((await app.stream(request.paymentId)).map((event) => event.type)).toEqual(['PaymentInitiated', 'PaymentPayerRecorded', 'PaymentCaptured']);
    expect(received.filter((message) => message.key === request.paymentId)).toHaveLength(2);
  });

  it('refunds in full, once, a payment whose order is cancelled after its capture', async () => {
    const request = paymentRequest('pm_card_visa');
    await app.publish([orderPaymentRequested(request)]);
    await published(request.paymentId, 2);
    await app.publish([orderCancelled(request)]);
    const events = await published(request.paymentId, 3);
    expect(types(events)).toEqual(['marketplace.payments.PaymentInitiated.v2', 'marketplace.payments.PaymentCaptured.v1', 'marketplace.payments.RefundIssued.v1']);
    expect(events[2].data).toMatchObject({ refundId: automaticRefundId(request.paymentId), amount: request.amount, issuedBy: MARKETPLACE_ACTOR, reason: 'order_cancelled' });
  });

  it('cancels a payment waiting for 3-D Secure when its order is cancelled, then captures and refunds a late success', async () => {
    const request = paymentRequest('pm_card_threeDSecure2Required');
    await app.publish([orderPaymentRequested(request)]);
    await published(request.paymentId, 2);
    await app.publish([orderCancelled(request, 'payment_timeout')]);
    const cancelled = await published(request.paymentId, 3);
    expect(types(cancelled)).toEqual(['marketplace.payments.PaymentInitiated.v2', 'marketplace.payments.PaymentRequiresAction.v1', 'marketplace.payments.PaymentFailed.v1']);
    expect(cancelled[2].data).toMatchObject({ failureCode: 'canceled' });

    const late = await deliverWebhook(app, intentEvent('payment_intent.succeeded', request, simulatedPaymentId(request.paymentId)));
    expect(late.status).toBe(200);
    const events = await published(request.paymentId, 5);
    expect(types(events).slice(3)).toEqual(['marketplace.payments.PaymentCaptured.v1', 'marketplace.payments.RefundIssued.v1']);
    expect(events[4].data).toMatchObject({ amount: request.amount, issuedBy: MARKETPLACE_ACTOR, reason: 'order_cancelled' });
  });
});
