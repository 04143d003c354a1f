import type { ChargeOutcome } from '../../domain/provider-outcomes';
import { canceledOutcome } from '../../domain/provider-steps';

/** The fields of a Stripe PaymentIntent (API answer or webhook object) that payments reads. */
export interface IntentSnapshot {
  id: string;
  status: string;
  amount_received: number;
  currency: string;
  next_action?: { type: string } | null;
  last_payment_error?: StripeErrorFields | null;
}

/** The decline fields shared by `last_payment_error` and a StripeCardError. */
export interface StripeErrorFields {
  code?: string;
  decline_code?: string;
  message?: string;
}

/** The money that moved: Stripe's lower-case currency as ISO 4217. */
export function capturedOf(intent: IntentSnapshot): ChargeOutcome {
  return { kind: 'captured', providerPaymentId: intent.id, amount: { amount: intent.amount_received, currency: intent.currency.toUpperCase() } };
}

export function requiresActionOf(intent: IntentSnapshot): ChargeOutcome {
  return { kind: 'requires_action', providerPaymentId: intent.id, nextActionType: intent.next_action?.type || 'unknown' };
}

export function declineOf(providerPaymentId: string | undefined, error: StripeErrorFields | null | undefined): ChargeOutcome {
  return {
    kind: 'declined',
    ...(providerPaymentId ? { providerPaymentId } : {}),
    failureCode: error?.code || 'payment_failed',
    ...(error?.decline_code ? { declineCode: error.decline_code } : {}),
    message: error?.message || 'The payment was declined.',
  };
}

/**
 * A PaymentIntent's status as an outcome: succeeded is captured; requires_action waits for the buyer;
 * requires_payment_method is a decline (its last error says why); canceled is a decline `canceled`;
 * processing, requires_confirmation, requires_capture and anything newer are still pending.
 */
export function intentOutcome(intent: IntentSnapshot): ChargeOutcome {
  switch (intent.status) {
    case 'succeeded':
      return capturedOf(intent);
    case 'requires_action':
      return requiresActionOf(intent);
    case 'requires_payment_method':
      return declineOf(intent.id, intent.last_payment_error);
    case 'canceled':
      return canceledOutcome(intent.id);
    default:
      return { kind: 'pending', providerPaymentId: intent.id };
  }
}
