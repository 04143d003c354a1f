import type { ChargeOutcome } from './provider-outcomes';
import type { PaymentState, RefundRecord } from './payment-state';
import { isOpen } from './provider-match';

/** The provider call an open payment waits for. */
export type ProviderStep =
  | { kind: 'charge' }
  | { kind: 'cancel'; providerPaymentId: string }
  /** Cancelled before the provider ever named the payment: nothing to cancel there. */
  | { kind: 'abandon' }
  | { kind: 'query'; providerPaymentId: string };

/**
 * What to ask the provider next. A payment the provider is still working on is only queried when
 * reconciling: otherwise its webhook is awaited.
 */
export function nextProviderStep(state: PaymentState, reconciling: boolean): ProviderStep | undefined {
  if (!isOpen(state)) return undefined;
  const id = state.providerPaymentId;
  if (state.orderCancelled) return id ? { kind: 'cancel', providerPaymentId: id } : { kind: 'abandon' };
  if (!id) return { kind: 'charge' };
  return reconciling ? { kind: 'query', providerPaymentId: id } : undefined;
}

/** Reserved refunds the provider has not confirmed yet. */
export function refundsToSubmit(state: PaymentState): RefundRecord[] {
  return state.status === 'captured' ? state.refunds.filter((refund) => refund.status === 'pending') : [];
}

/** The provider's answer when a payment was cancelled (at the provider, or before it answered). */
export function canceledOutcome(providerPaymentId?: string): ChargeOutcome {
  return { kind: 'declined', ...(providerPaymentId ? { providerPaymentId } : {}), failureCode: 'canceled', message: 'The payment was canceled.' };
}
