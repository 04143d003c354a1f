import type { Money } from '@marketplace/contracts';
import { chargedBackAmount } from './chargeback-records';
import type { PaymentFacts, PaymentState, RefundStatus } from './payment-state';

function total(state: PaymentFacts, status: RefundStatus): number {
  return state.refunds.filter((refund) => refund.status === status).reduce((sum, refund) => sum + refund.amount.amount, 0);
}

/** Minor units already given back. */
export function refundedAmount(state: PaymentFacts): number {
  return total(state, 'issued');
}

/** Minor units reserved by refunds the provider has not answered yet. */
export function pendingRefundAmount(state: PaymentFacts): number {
  return total(state, 'pending');
}

/** Captured minus refunded, pending and lost to chargebacks: what a new refund may still take (0 before capture). */
export function refundableAmount(state: PaymentState): number {
  if (state.status !== 'captured') return 0;
  return state.captured.amount - refundedAmount(state) - pendingRefundAmount(state) - chargedBackAmount(state.chargebacks);
}

export function sameMoney(a: Money, b: Money): boolean {
  return a.amount === b.amount && a.currency === b.currency;
}
