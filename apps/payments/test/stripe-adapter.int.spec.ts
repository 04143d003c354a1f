import { type BackendCase, describeEachBackend, testInfrastructure } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import { idempotencyKeys } from '../src/payments/application/idempotency-keys';
import { createStripeClient } from '../src/payments/infrastructure/providers/stripe-client';
import { StripePaymentProvider } from '../src/payments/infrastructure/providers/stripe-provider';
import { RecordingProxy } from './recording-proxy';

const stripeMock: BackendCase<{ base: string }> = {
  name: 'stripe-mock',
  resolve: () => {
    const base = testInfrastructure().stripeApiBase;
    return base ? { base } : { skip: 'no stripe-mock (TEST_STRIPE_API_BASE not set)' };
  },
};

/**
 * The Stripe adapter's requests and parsing, through the SDK, against stripe-mock (which validates
 * every request against Stripe's OpenAPI spec and answers fixtures: outcomes there are fixed, so
 * outcome-sensitive flows are tested with the simulated provider). A recording proxy between the SDK
 * and stripe-mock shows what went over the wire.
 */
describeEachBackend('Stripe adapter', [stripeMock], (backend) => {
  let proxy: RecordingProxy;
  let stripe: StripePaymentProvider;
  const paymentId = randomUUID();
  const refundId = randomUUID();
  const amount = { amount: 4900, currency: 'EUR' };

  beforeAll(async () => {
    proxy = await RecordingProxy.start(backend().base);
    stripe = new StripePaymentProvider(createStripeClient('sk_test_payments', proxy.url));
  });

  afterAll(async () => {
    await proxy?.close();
  });

  const last = () => proxy.requests[proxy.requests.length - 1];

  it('charges: creates and confirms a card PaymentIntent with our metadata, and parses the answer', async () => {
    const orderId = randomUUID();
    const outcome = await stripe.charge({ paymentId, orderId, amount, paymentMethod: 'pm_card_visa', idempotencyKey: idempotencyKeys.charge(paymentId) });
    // stripe-mock's fixture intent is always requires_payment_method: a decline, with the intent's id.
    expect(outcome).toMatchObject({ kind: 'declined', providerPaymentId: expect.stringMatching(/^pi_/), failureCode: expect.any(String) });
    const { method, path, form } = last();
    expect([method, path]).toEqual(['POST', '/v1/payment_intents']);
    expect(Object.fromEntries(form)).toMatchObject({
      amount: '4900',
      currency: 'eur',
      payment_method: 'pm_card_visa',
      confirm: 'true',
      'allowed_payment_method_types[0]': 'card',
      'metadata[paymentId]': paymentId,
      'metadata[orderId]': orderId,
    });
  });

  it('retrieves, cancels and refunds a PaymentIntent, and parses each answer', async () => {
    const ref = { paymentId, providerPaymentId: 'pi_123', paymentMethod: 'pm_card_visa', amount };
    expect(await stripe.retrieve({ ...ref, idempotencyKey: idempotencyKeys.retrieve(paymentId) })).toMatchObject({ providerPaymentId: 'pi_123' });
    expect([last().method, last().path]).toEqual(['GET', '/v1/payment_intents/pi_123']);
    expect(await stripe.cancel({ ...ref, idempotencyKey: idempotencyKeys.cancel(paymentId) })).toMatchObject({ providerPaymentId: 'pi_123' });
    expect([last().method, last().path]).toEqual(['POST', '/v1/payment_intents/pi_123/cancel']);
    const refund = await stripe.refund({ paymentId, refundId, providerPaymentId: 'pi_123', amount: { amount: 1000, currency: 'EUR' }, idempotencyKey: idempotencyKeys.refund(refundId) });
    expect(refund).toEqual({ kind: 'succeeded', providerRefundId: expect.stringMatching(/^re_/) });
    expect([last().method, last().path]).toEqual(['POST', '/v1/refunds']);
    expect(Object.fromEntries(last().form)).toMatchObject({ payment_intent: 'pi_123', amount: '1000', 'metadata[paymentId]': paymentId, 'metadata[refundId]': refundId });
  });

  it('sends an Idempotency-Key derived from the payment or refund id with every request', () => {
    expect(proxy.requests.map((request) => [request.method, request.path, request.idempotencyKey])).toEqual([
      ['POST', '/v1/payment_intents', `payment-${paymentId}-charge`],
      ['GET', '/v1/payment_intents/pi_123', `payment-${paymentId}-retrieve`],
      ['POST', '/v1/payment_intents/pi_123/cancel', `payment-${paymentId}-cancel`],
      ['POST', '/v1/refunds', `refund-${refundId}`],
    ]);
  });
});
