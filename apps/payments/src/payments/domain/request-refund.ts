import { refundableAmount, sameMoney } from './amounts';
import type { RequestRefund } from './payment-commands';
import { PaymentNotCapturedError, PaymentNotFoundError, RefundCurrencyMismatchError, RefundExceedsCapturedError, RefundIdConflictError } from './payment-errors';
import type { PaymentEvent } from './payment-events';
import { findRefund, type PaymentState } from './payment-state';

/**
 * An admin's refund, reserved against the capture until the provider answers, so that refunded plus
 * pending refunds never exceed what was captured. The same refund id again is the same refund.
 */
export function requestRefund(command: RequestRefund, state: PaymentState): PaymentEvent[] {
  if (state.status === 'none') throw new PaymentNotFoundError();
  const existing = findRefund(state, command.refundId);
  if (existing) {
    if (command.amount && !sameMoney(command.amount, existing.amount)) throw new RefundIdConflictError();
    return [];
  }
  if (state.status !== 'captured') throw new PaymentNotCapturedError(state.status);
  const { currency } = state.captured;
  if (command.amount && command.amount.currency !== currency) throw new RefundCurrencyMismatchError(currency);
  const refundable = refundableAmount(state);
  const amount = command.amount?.amount ?? refundable;
  if (amount > refundable || amount <= 0) throw new RefundExceedsCapturedError(refundable, currency);
  const { refundId, paymentId, reason, requestedBy, at } = command;
  return [{ type: 'RefundRequested', data: { refundId, paymentId, amount: { amount, currency }, requestedBy, reason, requestedAt: at.toISOString() } }];
}
