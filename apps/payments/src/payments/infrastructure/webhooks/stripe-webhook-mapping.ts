import type { WebhookInput } from '../../application/webhook-input';
import type { ChargeOutcome } from '../../domain/provider-outcomes';
import { canceledOutcome } from '../../domain/provider-steps';
import { capturedOf, declineOf, requiresActionOf } from '../providers/stripe-intent-mapping';
import { refundOutcome } from '../providers/stripe-refund-mapping';
import { DISPUTE_EVENTS, stripeDisputeInput } from './stripe-dispute-mapping';
import { type ChargeObject, chargeObject, marketplaceId, type PaymentIntentObject, paymentIntentObject } from './stripe-webhook-objects';

/** The PaymentIntent events payments reads, each with what it says about the money. */
const INTENT_EVENTS: Record<string, (intent: PaymentIntentObject) => ChargeOutcome> = {
  'payment_intent.succeeded': capturedOf,
  'payment_intent.payment_failed': (intent) => declineOf(intent.id, intent.last_payment_error),
  'payment_intent.requires_action': requiresActionOf,
  'payment_intent.canceled': (intent) => canceledOutcome(intent.id),
};

/**
 * What a verified Stripe event tells payments. The payment is found through the `paymentId` metadata
 * the adapter sets; an event without it, or of another type, is ignored. Throws a ZodError when a
 * handled event's object lacks what is read.
 */
export function stripeWebhookInput(type: string, object: unknown): WebhookInput {
  if (Object.hasOwn(INTENT_EVENTS, type)) {
    const intent = paymentIntentObject.parse(object);
    const paymentId = marketplaceId(intent.metadata, 'paymentId');
    return paymentId ? { kind: 'payment', paymentId, outcome: INTENT_EVENTS[type](intent) } : ignored('no paymentId in the metadata');
  }
  if (type === 'charge.refunded') return refundsInput(chargeObject.parse(object));
  if (DISPUTE_EVENTS.includes(type)) return stripeDisputeInput(type, object);
  return ignored(`${type} is not handled`);
}

/** Every refund listed on the charge; those already known change nothing (the decider matches them). */
function refundsInput(charge: ChargeObject): WebhookInput {
  const refunds = charge.refunds?.data ?? [];
  const paymentId = marketplaceId(charge.metadata, 'paymentId') ?? refunds.map((refund) => marketplaceId(refund.metadata, 'paymentId')).find(Boolean);
  if (!paymentId) return ignored('no paymentId in the metadata');
  return {
    kind: 'refunds',
    paymentId,
    refunds: refunds.map((refund) => ({
      providerRefundId: refund.id,
      refundId: marketplaceId(refund.metadata, 'refundId'),
      amount: { amount: refund.amount, currency: refund.currency.toUpperCase() },
      outcome: refundOutcome(refund),
    })),
  };
}

function ignored(reason: string): WebhookInput {
  return { kind: 'ignored', reason };
}
