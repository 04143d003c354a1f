import type { RefundIssued } from '@marketplace/contracts';
import type { RefundRecord } from './payment-state';
import type { RefundFailed, RefundRequested } from './private-events';

/** How refund events change a payment's list of refunds (oldest first). */

export function withRequestedRefund(refunds: RefundRecord[], data: RefundRequested): RefundRecord[] {
  const { refundId, amount, requestedBy, reason, requestedAt } = data;
  return [...refunds, { refundId, amount, status: 'pending', requestedBy, reason, requestedAt }];
}

/** Completes the reserved refund, or adds one the provider made without a reservation here. */
export function withIssuedRefund(refunds: RefundRecord[], data: RefundIssued): RefundRecord[] {
  const { refundId, amount, issuedBy, reason, providerRefundId, issuedAt } = data;
  const existing = refunds.find((refund) => refund.refundId === refundId);
  const requestedAt = existing?.requestedAt ?? issuedAt;
  const record: RefundRecord = { refundId, amount, status: 'issued', requestedBy: issuedBy, reason, providerRefundId, requestedAt, completedAt: issuedAt };
  return existing ? refunds.map((refund) => (refund === existing ? record : refund)) : [...refunds, record];
}

export function withFailedRefund(refunds: RefundRecord[], data: RefundFailed): RefundRecord[] {
  return refunds.map((refund) =>
    refund.refundId === data.refundId ? { ...refund, status: 'failed', failureCode: data.failureCode, completedAt: data.failedAt } : refund,
  );
}
