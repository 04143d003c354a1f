import type { Money } from '@marketplace/contracts';
import { refundableAmount } from './amounts';
import { MARKETPLACE_ACTOR } from './automatic-refund';
import type { RecordRefundFailed, RecordRefundIssued } from './payment-commands';
import type { PaymentEvent } from './payment-events';
import { type CapturedPayment, findRefund, type PaymentState, type RefundRecord } from './payment-state';

/** Reason of a refund the provider reports that nobody asked for here (e.g. made in its dashboard). */
export const REFUNDED_AT_PROVIDER = 'refunded_at_provider';

type RefundTerms = Pick<RefundRecord, 'refundId' | 'amount' | 'requestedBy' | 'reason'>;

/**
 * The provider gave money back. A reserved refund completes; one reported again (by our id or the
 * provider's) changes nothing; one not reserved (made at the provider, or succeeding after it was
 * reported failed) is recorded if it fits in what is refundable, else it is an anomaly for an admin.
 */
export function recordRefundIssued(command: RecordRefundIssued, state: PaymentState): PaymentEvent[] {
  if (state.status !== 'captured') return [];
  const known = state.refunds.some((r) => r.status === 'issued' && (r.refundId === command.refundId || r.providerRefundId === command.providerRefundId));
  if (known) return [];
  const requested = findRefund(state, command.refundId);
  const terms: RefundTerms = requested ?? { refundId: command.refundId, amount: command.amount, requestedBy: MARKETPLACE_ACTOR, reason: REFUNDED_AT_PROVIDER };
  if (requested?.status === 'pending' || fits(state, terms.amount)) return [issued(state, terms, command)];
  return refundAnomaly(state, terms.amount, command);
}

/** The provider refused a reserved refund: the reservation is released. */
export function recordRefundFailed(command: RecordRefundFailed, state: PaymentState): PaymentEvent[] {
  if (state.status === 'none') return [];
  const requested = findRefund(state, command.refundId);
  if (requested?.status !== 'pending') return [];
  const { refundId, paymentId, failureCode, message, at } = command;
  return [{ type: 'RefundFailed', data: { refundId, paymentId, amount: requested.amount, failureCode, message, failedAt: at.toISOString() } }];
}

function fits(state: CapturedPayment, amount: Money): boolean {
  return amount.currency === state.captured.currency && amount.amount <= refundableAmount(state);
}

function issued(state: CapturedPayment, refund: RefundTerms, command: RecordRefundIssued): PaymentEvent {
  const { paymentId, orderId, provider } = state;
  const { refundId, amount, requestedBy, reason } = refund;
  const data = { refundId, paymentId, orderId, amount, provider, providerRefundId: command.providerRefundId, issuedBy: requestedBy };
  return { type: 'RefundIssued', data: { ...data, ...(reason ? { reason } : {}), issuedAt: command.at.toISOString() } };
}

function refundAnomaly(state: CapturedPayment, received: Money, command: RecordRefundIssued): PaymentEvent[] {
  const known = state.anomalies.some((a) => a.anomaly === 'refund_exceeds_captured' && a.providerReference === command.providerRefundId);
  if (known) return [];
  const expected = { amount: refundableAmount(state), currency: state.captured.currency };
  const data = { paymentId: state.paymentId, providerReference: command.providerRefundId, expected, received, detectedAt: command.at.toISOString() };
  return [{ type: 'PaymentAnomalyDetected', data: { ...data, anomaly: 'refund_exceeds_captured' } }];
}
