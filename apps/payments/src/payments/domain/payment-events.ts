import type { ChargebackClosed, ChargebackOpened, PaymentCaptured, PaymentFailed, PaymentInitiated, PaymentRequiresAction, RefundIssued } from '@marketplace/contracts';
import type {
  OrderCancellationNoted,
  PaymentAnomalyDetected,
  PaymentPayerRecorded,
  PaymentProcessing,
  PaymentReceiptRecorded,
  RefundFailed,
  RefundRequested,
} from './private-events';

/**
 * A Payment's events as stored in its stream `payment-<id>`, by short type name. The five public ones
 * hold exactly their contract's data (they are published as they are); the others stay private.
 */
export type PaymentEvent =
  | { type: 'PaymentInitiated'; data: PaymentInitiated }
  | { type: 'PaymentPayerRecorded'; data: PaymentPayerRecorded }
  | { type: 'PaymentProcessing'; data: PaymentProcessing }
  | { type: 'PaymentRequiresAction'; data: PaymentRequiresAction }
  | { type: 'PaymentCaptured'; data: PaymentCaptured }
  | { type: 'PaymentReceiptRecorded'; data: PaymentReceiptRecorded }
  | { type: 'PaymentFailed'; data: PaymentFailed }
  | { type: 'PaymentAnomalyDetected'; data: PaymentAnomalyDetected }
  | { type: 'OrderCancellationNoted'; data: OrderCancellationNoted }
  | { type: 'RefundRequested'; data: RefundRequested }
  | { type: 'RefundIssued'; data: RefundIssued }
  | { type: 'RefundFailed'; data: RefundFailed }
  | { type: 'ChargebackOpened'; data: ChargebackOpened }
  | { type: 'ChargebackClosed'; data: ChargebackClosed };

export type PaymentEventType = PaymentEvent['type'];

export const PAYMENT_EVENT_TYPES: readonly PaymentEventType[] = [
  'PaymentInitiated',
  'PaymentPayerRecorded',
  'PaymentProcessing',
  'PaymentRequiresAction',
  'PaymentCaptured',
  'PaymentReceiptRecorded',
  'PaymentFailed',
  'PaymentAnomalyDetected',
  'OrderCancellationNoted',
  'RefundRequested',
  'RefundIssued',
  'RefundFailed',
  'ChargebackOpened',
  'ChargebackClosed',
];

/** The stream of one payment. */
export const PAYMENT_STREAM_PREFIX = 'payment-';

export function paymentStream(paymentId: string): string {
  return `${PAYMENT_STREAM_PREFIX}${paymentId}`;
}
