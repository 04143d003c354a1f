import Stripe from 'stripe';
import { idempotencyKeys } from '../../application/idempotency-keys';
import type { ChargeRequest, PaymentProviderPort, ProviderPaymentRef, ProviderRefundRequest } from '../../application/payment-provider';
import type { ChargeOutcome, RefundOutcome } from '../../domain/provider-outcomes';
import { chargeErrorOutcome, refundErrorOutcome, unavailable } from './stripe-errors';
import { intentOutcome } from './stripe-intent-mapping';
import { refundOutcome } from './stripe-refund-mapping';
import { paymentIntentParams, refundParams } from './stripe-requests';

/** Cards through Stripe PaymentIntents, confirmed server-side; every request carries the caller's idempotency key. */
export class StripePaymentProvider implements PaymentProviderPort {
  readonly name = 'stripe';

  constructor(private readonly stripe: Stripe) {}

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    try {
      return intentOutcome(await this.stripe.paymentIntents.create(paymentIntentParams(request), { idempotencyKey: request.idempotencyKey }));
    } catch (error) {
      return chargeErrorOutcome(error);
    }
  }

  async retrieve(payment: ProviderPaymentRef): Promise<ChargeOutcome> {
    try {
      return intentOutcome(await this.stripe.paymentIntents.retrieve(payment.providerPaymentId, {}, { idempotencyKey: payment.idempotencyKey }));
    } catch (error) {
      throw unavailable(error);
    }
  }

  async cancel(payment: ProviderPaymentRef): Promise<ChargeOutcome> {
    try {
      return intentOutcome(await this.stripe.paymentIntents.cancel(payment.providerPaymentId, {}, { idempotencyKey: payment.idempotencyKey }));
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw unavailable(error);
      // Stripe refuses to cancel a payment that succeeded (or is already canceled): its state is the answer.
      return error.payment_intent ? intentOutcome(error.payment_intent) : this.retrieve({ ...payment, idempotencyKey: idempotencyKeys.retrieve(payment.paymentId) });
    }
  }

  async refund(request: ProviderRefundRequest): Promise<RefundOutcome> {
    try {
      return refundOutcome(await this.stripe.refunds.create(refundParams(request), { idempotencyKey: request.idempotencyKey }));
    } catch (error) {
      return refundErrorOutcome(error);
    }
  }
}
