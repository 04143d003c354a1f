import type { Money } from '@marketplace/contracts';
import { nameBasedId } from '@marketplace/kernel';
import type { PaymentEvent } from './payment-events';
import type { PaymentFacts } from './payment-state';

/** The marketplace itself, as the author of refunds no admin asked for (RefundIssued.issuedBy). */
export const MARKETPLACE_ACTOR = '00000000-0000-0000-0000-000000000000';

export const ORDER_CANCELLED_REASON = 'order_cancelled';

/** One automatic refund per payment, derived from its id, so a retried step derives the same refund. */
export function automaticRefundId(paymentId: string): string {
  return nameBasedId(paymentId, 'refund:order-cancelled');
}

/** Gives back `amount` because the order was cancelled. */
export function automaticRefund(payment: PaymentFacts, amount: Money, at: Date): PaymentEvent {
  return {
    type: 'RefundRequested',
    data: {
      refundId: automaticRefundId(payment.paymentId),
      paymentId: payment.paymentId,
      amount,
      requestedBy: MARKETPLACE_ACTOR,
      reason: ORDER_CANCELLED_REASON,
      requestedAt: at.toISOString(),
    },
  };
}
