import type { Money } from '@marketplace/contracts';
import { refundedAmount } from '../../payments/domain/amounts';
import type { StartedPayment } from '../../payments/domain/payment-state';
import type { StatementStatus } from './statement-line';

/** One of our payments as a statement should show it. */
export interface ReconcilablePayment {
  paymentId: string;
  orderId: string;
  /** Every reference the provider may print for it: its payment id (pi_, CheckoutRequestID, Paynow reference), M-Pesa's receipt number. */
  references: string[];
  /** What was captured; what was asked for while nothing was. */
  amount: Money;
  /** The status the provider should report: captured is `completed`, or `refunded` once given back in full. */
  status: StatementStatus;
  capturedAt?: string;
}

/** A payment's state (the decider's fold, as the read model keeps it) seen as a statement row. */
export function reconcilablePayment(state: StartedPayment, receiptNumbers: string[] = []): ReconcilablePayment {
  const references = [state.providerPaymentId, ...receiptNumbers].filter((reference): reference is string => Boolean(reference));
  const base = { paymentId: state.paymentId, orderId: state.orderId, references };
  switch (state.status) {
    case 'captured': {
      const refundedInFull = refundedAmount(state) >= state.captured.amount;
      return { ...base, amount: state.captured, status: refundedInFull ? 'refunded' : 'completed', capturedAt: state.capturedAt };
    }
    case 'failed':
      return { ...base, amount: state.amount, status: 'failed' };
    case 'initiated':
    case 'requires_action':
      return { ...base, amount: state.amount, status: 'pending' };
    default: {
      const unexpected: never = state;
      throw new Error(`unknown payment status ${JSON.stringify(unexpected)}`);
    }
  }
}
