import type { PaymentEvent } from './payment-events';

/**
 * A name for each event, unique within its payment's stream and the same whenever the step that makes
 * it is retried: event ids derive from it, so that a retried append is a no-op in the store.
 */
export function eventKey(event: PaymentEvent): string {
  switch (event.type) {
    case 'RefundRequested':
    case 'RefundIssued':
    case 'RefundFailed':
      return `${event.type}:${event.data.refundId}`;
    case 'ChargebackOpened':
    case 'ChargebackClosed':
      return `${event.type}:${event.data.chargebackId}`;
    case 'PaymentReceiptRecorded':
      return `${event.type}:${event.data.receipt}`;
    case 'PaymentAnomalyDetected': {
      const { anomaly, providerReference, received } = event.data;
      return `${event.type}:${anomaly}:${providerReference}:${received.amount}:${received.currency}`;
    }
    default:
      // The status guards let each of these happen at most once per payment.
      return event.type;
  }
}
