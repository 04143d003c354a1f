import type { CheckoutPaymentMethod, Money, PaymentProvider } from '@marketplace/contracts';
import type { ChargebackRecord } from './chargeback-records';
import type { PaymentAnomalyDetected } from './private-events';

export type RefundStatus = 'pending' | 'issued' | 'failed';

export interface RefundRecord {
  refundId: string;
  amount: Money;
  status: RefundStatus;
  requestedBy: string;
  reason?: string;
  providerRefundId?: string;
  failureCode?: string;
  requestedAt: string;
  completedAt?: string;
}

export interface PaymentFailure {
  code: string;
  declineCode?: string;
  message: string;
}

/** What every started payment knows, whatever its money status. Plain JSON: the read model keeps it as is. */
export interface PaymentFacts {
  paymentId: string;
  orderId: string;
  buyerId: string | null;
  amount: Money;
  provider: PaymentProvider;
  paymentMethod: CheckoutPaymentMethod;
  /** The provider's id of this payment, once the provider named it. */
  providerPaymentId?: string;
  orderCancelled: boolean;
  refunds: RefundRecord[];
  anomalies: PaymentAnomalyDetected[];
  /** Receipt numbers the provider prints on statements (M-Pesa); optional, so that states stored before them still read. */
  receipts?: string[];
  initiatedAt: string;
}

/** The money status: initiated -> requires_action -> captured | failed; captured is final. */
export type PaymentState =
  | { status: 'none' }
  | (PaymentFacts & { status: 'initiated' })
  | (PaymentFacts & { status: 'requires_action'; nextActionType: string })
  // Chargebacks come only after a capture; optional, so that states stored before them still read.
  | (PaymentFacts & { status: 'captured'; captured: Money; capturedAt: string; chargebacks?: ChargebackRecord[] })
  | (PaymentFacts & { status: 'failed'; failure: PaymentFailure; failedAt: string });

export type StartedPayment = Exclude<PaymentState, { status: 'none' }>;
export type CapturedPayment = Extract<PaymentState, { status: 'captured' }>;

/** The facts of a payment without what belongs to its current status, to build the next status from. */
export function factsOf(state: StartedPayment): PaymentFacts {
  const { paymentId, orderId, buyerId, amount, provider, paymentMethod, providerPaymentId, orderCancelled, refunds, anomalies, receipts, initiatedAt } = state;
  return { paymentId, orderId, buyerId, amount, provider, paymentMethod, providerPaymentId, orderCancelled, refunds, anomalies, ...(receipts ? { receipts } : {}), initiatedAt };
}

export function findRefund(state: PaymentFacts, refundId: string): RefundRecord | undefined {
  return state.refunds.find((refund) => refund.refundId === refundId);
}
