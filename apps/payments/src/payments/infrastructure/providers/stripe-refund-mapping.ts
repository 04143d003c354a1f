import type { RefundOutcome } from '../../domain/provider-outcomes';

/** The fields of a Stripe Refund that payments reads. */
export interface RefundSnapshot {
  id: string;
  status: string | null;
  failure_reason?: string | null;
}

/** succeeded is issued; failed or canceled releases the reservation; pending (and requires_action) waits. */
export function refundOutcome(refund: RefundSnapshot): RefundOutcome {
  switch (refund.status) {
    case 'succeeded':
      return { kind: 'succeeded', providerRefundId: refund.id };
    case 'failed':
    case 'canceled':
      return { kind: 'failed', failureCode: refund.failure_reason || `refund_${refund.status}`, message: `The refund ${refund.status === 'failed' ? 'failed' : 'was canceled'} at Stripe.` };
    default:
      return { kind: 'pending', providerRefundId: refund.id };
  }
}
