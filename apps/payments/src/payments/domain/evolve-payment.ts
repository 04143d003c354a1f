import type { PaymentInitiated } from '@marketplace/contracts';
import type { PaymentEvent } from './payment-events';
import { factsOf, type PaymentState } from './payment-state';
import { withClosedChargeback, withOpenedChargeback } from './chargeback-records';
import { withFailedRefund, withIssuedRefund, withRequestedRefund } from './refund-records';

export function initialPaymentState(): PaymentState {
  return { status: 'none' };
}

/** Applies one stored event to a payment. */
export function evolvePayment(state: PaymentState, event: PaymentEvent): PaymentState {
  if (event.type === 'PaymentInitiated') return initiated(event.data);
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PaymentPayerRecorded':
      return { ...state, buyerId: event.data.buyerId };
    case 'PaymentProcessing':
      return { ...state, providerPaymentId: event.data.providerPaymentId };
    case 'PaymentRequiresAction':
      return { ...factsOf(state), status: 'requires_action', providerPaymentId: event.data.providerPaymentId, nextActionType: event.data.nextActionType };
    case 'PaymentCaptured':
      return { ...factsOf(state), status: 'captured', providerPaymentId: event.data.providerPaymentId, captured: event.data.amount, capturedAt: event.data.capturedAt };
    case 'PaymentReceiptRecorded':
      return { ...state, receipts: [...(state.receipts ?? []), event.data.receipt] };
    case 'PaymentFailed': {
      const { failureCode: code, declineCode, message, failedAt } = event.data;
      return { ...factsOf(state), status: 'failed', failure: { code, declineCode, message }, failedAt };
    }
    case 'PaymentAnomalyDetected':
      return { ...state, anomalies: [...state.anomalies, event.data] };
    case 'OrderCancellationNoted':
      return { ...state, orderCancelled: true };
    case 'RefundRequested':
      return { ...state, refunds: withRequestedRefund(state.refunds, event.data) };
    case 'RefundIssued':
      return { ...state, refunds: withIssuedRefund(state.refunds, event.data) };
    case 'RefundFailed':
      return { ...state, refunds: withFailedRefund(state.refunds, event.data) };
    case 'ChargebackOpened':
      return state.status === 'captured' ? { ...state, chargebacks: withOpenedChargeback(state.chargebacks, event.data) } : state;
    case 'ChargebackClosed':
      return state.status === 'captured' ? { ...state, chargebacks: withClosedChargeback(state.chargebacks, event.data) } : state;
    default:
      return unknownEvent(event);
  }
}

function initiated(data: PaymentInitiated): PaymentState {
  const { paymentId, orderId, amount, provider, paymentMethod, initiatedAt } = data;
  return { status: 'initiated', paymentId, orderId, buyerId: null, amount, provider, paymentMethod, orderCancelled: false, refunds: [], anomalies: [], initiatedAt };
}

function unknownEvent(event: never): never {
  throw new Error(`Unknown payment event ${JSON.stringify(event)}`);
}
