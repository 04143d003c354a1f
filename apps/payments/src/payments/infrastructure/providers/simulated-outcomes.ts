import type { CheckoutPaymentMethod } from '@marketplace/contracts';

/** What Stripe does with each of its test PaymentMethods, as the simulated provider plays it. */
export type SimulatedOutcome =
  | { kind: 'captured' }
  | { kind: 'requires_action'; nextActionType: string }
  | { kind: 'declined'; failureCode: string; declineCode?: string; message: string };

const captured: SimulatedOutcome = { kind: 'captured' };
const threeDSecure: SimulatedOutcome = { kind: 'requires_action', nextActionType: 'use_stripe_sdk' };
const declined = (failureCode: string, declineCode: string, message: string): SimulatedOutcome => ({ kind: 'declined', failureCode, declineCode, message });
const CARD_DECLINED = 'Your card was declined.';

/** The one table of simulated outcomes, keyed by Stripe's test PaymentMethod id. */
const OUTCOMES: Readonly<Record<string, SimulatedOutcome>> = {
  pm_card_visa: captured,
  pm_card_visa_debit: captured,
  pm_card_mastercard: captured,
  pm_card_mastercard_debit: captured,
  pm_card_mastercard_prepaid: captured,
  pm_card_amex: captured,
  pm_card_discover: captured,
  pm_card_diners: captured,
  pm_card_jcb: captured,
  pm_card_unionpay: captured,
  pm_card_chargeDeclined: declined('card_declined', 'generic_decline', CARD_DECLINED),
  pm_card_chargeDeclinedInsufficientFunds: declined('card_declined', 'insufficient_funds', 'Your card has insufficient funds.'),
  pm_card_chargeDeclinedLostCard: declined('card_declined', 'lost_card', CARD_DECLINED),
  pm_card_chargeDeclinedStolenCard: declined('card_declined', 'stolen_card', CARD_DECLINED),
  pm_card_chargeDeclinedFraudulent: declined('card_declined', 'fraudulent', CARD_DECLINED),
  pm_card_chargeDeclinedExpiredCard: declined('expired_card', 'expired_card', 'Your card has expired.'),
  pm_card_chargeDeclinedIncorrectCvc: declined('incorrect_cvc', 'incorrect_cvc', "Your card's security code is incorrect."),
  pm_card_chargeDeclinedProcessingError: declined('processing_error', 'processing_error', 'An error occurred while processing your card. Try again in a little bit.'),
  // The simulated buyer never completes the challenge: only a webhook (or a cancellation) ends these.
  pm_card_threeDSecure2Required: threeDSecure,
  pm_card_authenticationRequired: threeDSecure,
};

/** The outcome of charging this PaymentMethod; one Stripe does not know is a missing resource. */
export function simulatedOutcome(paymentMethod: CheckoutPaymentMethod): SimulatedOutcome {
  if (typeof paymentMethod !== 'string') return { kind: 'declined', failureCode: 'payment_method_not_supported', message: 'Not a card' };
  if (Object.hasOwn(OUTCOMES, paymentMethod)) return OUTCOMES[paymentMethod];
  return { kind: 'declined', failureCode: 'resource_missing', message: `No such PaymentMethod: '${paymentMethod}'` };
}
