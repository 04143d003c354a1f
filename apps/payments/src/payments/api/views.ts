import type { Money } from '@marketplace/contracts';
import { pendingRefundAmount, refundedAmount } from '../domain/amounts';
import type { RefundRecord, StartedPayment } from '../domain/payment-state';
import type { PaymentRecord } from '../infrastructure/payments-read-model';

const money = (amount: number, currency: string): Money => ({ amount, currency });

export function paymentView({ state, createdAt, updatedAt }: PaymentRecord) {
  const { currency } = state.amount;
  return {
    id: state.paymentId,
    orderId: state.orderId,
    buyerId: state.buyerId,
    status: state.status,
    amount: state.amount,
    captured: money(state.status === 'captured' ? state.captured.amount : 0, currency),
    refunded: money(refundedAmount(state), currency),
    pendingRefunds: money(pendingRefundAmount(state), currency),
    provider: state.provider,
    providerPaymentId: state.providerPaymentId ?? null,
    paymentMethod: state.paymentMethod,
    failure: state.status === 'failed' ? { code: state.failure.code, declineCode: state.failure.declineCode ?? null, message: state.failure.message } : null,
    orderCancelled: state.orderCancelled,
    createdAt: new Date(createdAt).toISOString(),
    updatedAt: new Date(updatedAt).toISOString(),
  };
}

/** One payment with its refunds; admins also see the anomalies waiting for them. */
export function paymentDetailView(record: PaymentRecord, admin: boolean) {
  const { state } = record;
  return {
    ...paymentView(record),
    refunds: state.refunds.map((refund) => refundView(state, refund)),
    ...(admin ? { anomalies: state.anomalies } : {}),
  };
}

export function refundView(payment: StartedPayment, refund: RefundRecord) {
  return {
    ...refundAnswer(payment.paymentId, refund),
    reason: refund.reason ?? null,
    requestedBy: refund.requestedBy,
    providerRefundId: refund.providerRefundId ?? null,
    failureCode: refund.failureCode ?? null,
    requestedAt: refund.requestedAt,
    completedAt: refund.completedAt ?? null,
  };
}

/** The answer to a refund request (the same for its retries). */
export function refundAnswer(paymentId: string, refund: RefundRecord) {
  return { refundId: refund.refundId, paymentId, amount: refund.amount, status: refund.status };
}
