import type Stripe from 'stripe';
import type { ChargeRequest, ProviderRefundRequest } from '../../application/payment-provider';

/**
 * A PaymentIntent confirmed at once with the buyer's PaymentMethod, cards only, carrying our ids as
 * metadata (webhooks find the payment through them). Stripe wants the currency in lower case.
 */
export function paymentIntentParams(request: ChargeRequest): Stripe.PaymentIntentCreateParams {
  const { paymentId, orderId, amount, paymentMethod } = request;
  return {
    amount: amount.amount,
    currency: amount.currency.toLowerCase(),
    payment_method: typeof paymentMethod === 'string' ? paymentMethod : undefined,
    confirm: true,
    // The API version this SDK pins renamed payment_method_types to allowed_payment_method_types.
    allowed_payment_method_types: ['card'],
    metadata: { paymentId, orderId },
  };
}

/** A refund of part or all of the intent's charge; the metadata lets charge.refunded match it to ours. */
export function refundParams(request: ProviderRefundRequest): Stripe.RefundCreateParams {
  const { paymentId, refundId, providerPaymentId, amount } = request;
  return { payment_intent: providerPaymentId, amount: amount.amount, metadata: { paymentId, refundId } };
}
