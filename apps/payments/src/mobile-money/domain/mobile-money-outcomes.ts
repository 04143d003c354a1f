import type { CheckoutPaymentMethod, MobileMoneyPaymentMethod, Money } from '@marketplace/contracts';
import { mobileMoneyAmountProblem } from '@marketplace/contracts';
import type { ChargeOutcome } from '../../payments/domain/provider-outcomes';

/** The payment waits for the buyer to approve the push on their phone (notifications tells them). */
export const MOBILE_MONEY_PUSH = 'mobile_money_push';

/** Why a push was not approved, in the provider-neutral words buyers are told (notifications' templates). */
export type MobileMoneyFailure = 'cancelled_by_user' | 'insufficient_funds' | 'wrong_pin' | 'unreachable' | 'expired' | 'declined';

export function isMobileMoney(method: CheckoutPaymentMethod): method is MobileMoneyPaymentMethod {
  return typeof method !== 'string';
}

export function pushSent(providerPaymentId: string): ChargeOutcome {
  return { kind: 'requires_action', providerPaymentId, nextActionType: MOBILE_MONEY_PUSH };
}

export function pushDeclined(providerPaymentId: string, failureCode: MobileMoneyFailure, message: string, declineCode?: string): ChargeOutcome {
  return { kind: 'declined', providerPaymentId, failureCode, ...(declineCode ? { declineCode } : {}), message };
}

/**
 * Orders refuses a total the network cannot charge; payments refuses it again (an older order, a
 * changed rule) as a decline before any push is sent, never as a capture.
 */
export function unchargeable(method: CheckoutPaymentMethod, amount: Money): ChargeOutcome | undefined {
  if (!isMobileMoney(method)) return undefined;
  const problem = mobileMoneyAmountProblem(method.provider, amount);
  return problem ? { kind: 'declined', failureCode: 'amount_not_chargeable', message: problem } : undefined;
}
