import Stripe from 'stripe';
import { ProviderUnavailableError } from '../../application/payment-provider';
import { chargeErrorOutcome, refundErrorOutcome } from './stripe-errors';
import { type IntentSnapshot, intentOutcome } from './stripe-intent-mapping';
import { refundOutcome } from './stripe-refund-mapping';

const intent = (status: string, overrides: Partial<IntentSnapshot> = {}): IntentSnapshot => ({ id: 'pi_1', status, amount_received: 0, currency: 'eur', ...overrides });

describe('Stripe PaymentIntent statuses as outcomes', () => {
  it('reads succeeded as captured, with the amount received in upper-case currency', () => {
    expect(intentOutcome(intent('succeeded', { amount_received: 4900 }))).toEqual({ kind: 'captured', providerPaymentId: 'pi_1', amount: { amount: 4900, currency: 'EUR' } });
  });

  it('reads requires_action with its next action', () => {
    expect(intentOutcome(intent('requires_action', { next_action: { type: 'use_stripe_sdk' } }))).toEqual({ kind: 'requires_action', providerPaymentId: 'pi_1', nextActionType: 'use_stripe_sdk' });
  });

  it('reads requires_payment_method as a decline from its last payment error', () => {
    const error = { code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' };
    expect(intentOutcome(intent('requires_payment_method', { last_payment_error: error }))).toEqual({
      kind: 'declined',
      providerPaymentId: 'pi_1',
      failureCode: 'card_declined',
      declineCode: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    });
    expect(intentOutcome(intent('requires_payment_method', { last_payment_error: null }))).toMatchObject({ kind: 'declined', failureCode: 'payment_failed' });
  });

  it('reads canceled as a decline `canceled`, and the in-between statuses as pending', () => {
    expect(intentOutcome(intent('canceled'))).toMatchObject({ kind: 'declined', providerPaymentId: 'pi_1', failureCode: 'canceled' });
    for (const status of ['processing', 'requires_confirmation', 'requires_capture']) expect(intentOutcome(intent(status))).toEqual({ kind: 'pending', providerPaymentId: 'pi_1' });
  });
});

describe('Stripe errors as outcomes', () => {
  it('turns a StripeCardError (402) into a decline with its codes and the intent from the error', () => {
    const error = new Stripe.errors.StripeCardError({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'stolen_card',
      message: 'Your card was declined.',
      payment_intent: { id: 'pi_from_error' } as Stripe.PaymentIntent,
      statusCode: 402,
    });
    expect(chargeErrorOutcome(error)).toEqual({ kind: 'declined', providerPaymentId: 'pi_from_error', failureCode: 'card_declined', declineCode: 'stolen_card', message: 'Your card was declined.' });
  });

  it('turns an invalid request (an unknown PaymentMethod) into a decline', () => {
    const error = new Stripe.errors.StripeInvalidRequestError({ type: 'invalid_request_error', code: 'resource_missing', message: "No such PaymentMethod: 'pm_x'", statusCode: 400 });
    expect(chargeErrorOutcome(error)).toEqual({ kind: 'declined', failureCode: 'resource_missing', message: "No such PaymentMethod: 'pm_x'" });
  });

  it('throws network, server and rate-limit failures as transient', () => {
    const failures = [
      new Stripe.errors.StripeConnectionError({ message: 'connect ECONNREFUSED' }),
      new Stripe.errors.StripeAPIError({ message: 'Internal error', statusCode: 500 }),
      new Stripe.errors.StripeRateLimitError({ message: 'Too many requests', statusCode: 429 }),
    ];
    for (const failure of failures) {
      expect(() => chargeErrorOutcome(failure)).toThrow(ProviderUnavailableError);
      expect(() => refundErrorOutcome(failure)).toThrow(ProviderUnavailableError);
    }
  });

  it('reads refunds: succeeded, failed or canceled (released), anything else pending', () => {
    expect(refundOutcome({ id: 're_1', status: 'succeeded' })).toEqual({ kind: 'succeeded', providerRefundId: 're_1' });
    expect(refundOutcome({ id: 're_1', status: 'failed', failure_reason: 'expired_or_canceled_card' })).toMatchObject({ kind: 'failed', failureCode: 'expired_or_canceled_card' });
    expect(refundOutcome({ id: 're_1', status: 'canceled' })).toMatchObject({ kind: 'failed', failureCode: 'refund_canceled' });
    expect(refundOutcome({ id: 're_1', status: 'pending' })).toEqual({ kind: 'pending', providerRefundId: 're_1' });
    const refused = new Stripe.errors.StripeInvalidRequestError({ type: 'invalid_request_error', code: 'charge_already_refunded', message: 'Charge has already been refunded.' });
    expect(refundErrorOutcome(refused)).toEqual({ kind: 'failed', failureCode: 'charge_already_refunded', message: 'Charge has already been refunded.' });
  });
});
