import { sameMoney } from './amounts';
import { automaticRefund } from './automatic-refund';
import type { RecordCapture } from './payment-commands';
import type { PaymentEvent } from './payment-events';
import type { PaymentState, StartedPayment } from './payment-state';
import { isAboutThisPayment } from './provider-match';

/**
 * The money moved. Recorded from any status but captured (after a failure too: the provider is the
 * truth about money), and given back at once when the order was cancelled meanwhile. A capture of
 * another amount or currency is never applied: it is an anomaly for an admin. The provider's receipt
 * number is kept with it, or added by a later report of the same capture (a callback after the query).
 */
export function recordCapture(command: RecordCapture, state: PaymentState): PaymentEvent[] {
  if (state.status === 'none' || !isAboutThisPayment(state, command.providerPaymentId)) return [];
  if (!sameMoney(command.amount, state.amount)) return captureAnomaly(command, state);
  if (state.status === 'captured') return receiptOf(command, state);
  const { paymentId, providerPaymentId, amount, at } = command;
  const captured: PaymentEvent = {
    type: 'PaymentCaptured',
    data: { paymentId, orderId: state.orderId, amount, provider: state.provider, providerPaymentId, capturedAt: at.toISOString() },
  };
  const receipt = receiptOf(command, state);
  return state.orderCancelled ? [captured, ...receipt, automaticRefund(state, amount, at)] : [captured, ...receipt];
}

function receiptOf({ paymentId, providerPaymentId, receipt, at }: RecordCapture, state: StartedPayment): PaymentEvent[] {
  if (!receipt || state.receipts?.includes(receipt)) return [];
  return [{ type: 'PaymentReceiptRecorded', data: { paymentId, providerPaymentId, receipt, recordedAt: at.toISOString() } }];
}

function captureAnomaly(command: RecordCapture, state: StartedPayment): PaymentEvent[] {
  const known = state.anomalies.some(
    (anomaly) => anomaly.anomaly === 'capture_amount_mismatch' && anomaly.providerReference === command.providerPaymentId && sameMoney(anomaly.received, command.amount),
  );
  if (known) return [];
  return [
    {
      type: 'PaymentAnomalyDetected',
      data: {
        paymentId: command.paymentId,
        anomaly: 'capture_amount_mismatch',
        providerReference: command.providerPaymentId,
        expected: state.amount,
        received: command.amount,
        detectedAt: command.at.toISOString(),
      },
    },
  ];
}
