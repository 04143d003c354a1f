import Stripe from 'stripe';
import { ProviderUnavailableError } from '../../application/payment-provider';
import type { ChargeOutcome, RefundOutcome } from '../../domain/provider-outcomes';
import { declineOf } from './stripe-intent-mapping';

/**
 * Stripe's answer to a charge that failed as a request: a card error (402) or an invalid request
 * (400/404, e.g. an unknown PaymentMethod) is a decline; anything else says nothing about the payment
 * (network, Stripe's 5xx, rate limit, keys) and is thrown as transient.
 */
export function chargeErrorOutcome(error: unknown): ChargeOutcome {
  if (error instanceof Stripe.errors.StripeCardError || error instanceof Stripe.errors.StripeInvalidRequestError) {
    return declineOf(error.payment_intent?.id, error);
  }
  throw unavailable(error);
}

/** A refund Stripe refuses as a request (e.g. the charge was disputed or already refunded) failed. */
export function refundErrorOutcome(error: unknown): RefundOutcome {
  if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeCardError) {
    return { kind: 'failed', failureCode: error.code || 'refund_refused', message: error.message || 'Stripe refused the refund.' };
  }
  throw unavailable(error);
}

export function unavailable(error: unknown): ProviderUnavailableError {
  if (error instanceof ProviderUnavailableError) return error;
  return new ProviderUnavailableError(`Stripe is unavailable: ${error instanceof Error ? error.message : String(error)}`, error);
}
