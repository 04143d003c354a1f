import type { JsonRow } from '@marketplace/projections';
import { pendingRefundAmount, refundedAmount } from '../../domain/amounts';
import type { StartedPayment } from '../../domain/payment-state';

/** A payments row as the projection writes it (times as ISO strings). */
export interface PaymentRow extends JsonRow {
  id: string;
  order_id: string;
  buyer_id: string | null;
  status: string;
  amount: number;
  currency: string;
  captured: number;
  refunded: number;
  pending_refunds: number;
  provider: string;
  provider_payment_id: string | null;
  failure_code: string | null;
  order_cancelled: boolean;
  anomalies: number;
  state: JsonRow;
  created_at: string;
  updated_at: string;
}

/** The row of a payment in this state. */
export function paymentRow(state: StartedPayment, createdAt: string, updatedAt: string): PaymentRow {
  return {
    id: state.paymentId,
    order_id: state.orderId,
    buyer_id: state.buyerId,
    status: state.status,
    amount: state.amount.amount,
    currency: state.amount.currency,
    captured: state.status === 'captured' ? state.captured.amount : 0,
    refunded: refundedAmount(state),
    pending_refunds: pendingRefundAmount(state),
    provider: state.provider,
    provider_payment_id: state.providerPaymentId ?? null,
    failure_code: state.status === 'failed' ? state.failure.code : null,
    order_cancelled: state.orderCancelled,
    anomalies: state.anomalies.length,
    // Through JSON: the state is plain data, and undefined fields must not reach the row.
    state: JSON.parse(JSON.stringify(state)) as JsonRow,
    created_at: createdAt,
    updated_at: updatedAt,
  };
}
