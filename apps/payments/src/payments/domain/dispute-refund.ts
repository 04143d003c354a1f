import type { Money } from '@marketplace/contracts';
import { nameBasedId } from '@marketplace/kernel';
import type { RequestRefund } from './payment-commands';

/** The refund that resolves a dispute: one per dispute, so a redelivered resolution is the same refund. */
export function disputeRefundId(paymentId: string, disputeId: string): string {
  return nameBasedId(paymentId, `dispute:${disputeId}`);
}

/** An admin resolved a dispute with a refund (all that is refundable when no amount is given). */
export function disputeRefund(resolution: { paymentId: string; disputeId: string; refund?: Money; resolvedBy: string }, at: Date): RequestRefund {
  const { paymentId, disputeId, refund, resolvedBy } = resolution;
  return { type: 'RequestRefund', paymentId, refundId: disputeRefundId(paymentId, disputeId), amount: refund, reason: 'dispute', requestedBy: resolvedBy, at };
}
