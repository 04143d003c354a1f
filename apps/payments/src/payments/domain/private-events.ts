import type { Money } from '@marketplace/contracts';

/*
 * Facts payments keeps for itself: stored in the payment's stream, never published.
 */

/** Who pays: the order's buyer, for ownership checks on reads (PaymentInitiated does not carry it). */
export interface PaymentPayerRecorded {
  paymentId: string;
  buyerId: string;
}

/** The provider accepted the charge and is still working on it; its payment id is known from now on. */
export interface PaymentProcessing {
  paymentId: string;
  providerPaymentId: string;
  at: string;
}

export type AnomalyKind = 'capture_amount_mismatch' | 'refund_exceeds_captured';

/** A provider reported money that does not fit the payment; it was not applied, an admin must look. */
export interface PaymentAnomalyDetected {
  paymentId: string;
  anomaly: AnomalyKind;
  /** The provider's payment or refund id the report was about. */
  providerReference: string;
  expected: Money;
  received: Money;
  detectedAt: string;
}

/**
 * The number the provider prints for a captured payment on its statements, when it is not the provider
 * payment id (M-Pesa's receipt, e.g. NLJ7RT61SV, next to the CheckoutRequestID).
 */
export interface PaymentReceiptRecorded {
  paymentId: string;
  providerPaymentId: string;
  receipt: string;
  recordedAt: string;
}

/** The order was cancelled (OrderCancelled v2): the payment must not be left charged. */
export interface OrderCancellationNoted {
  paymentId: string;
  orderId: string;
  reason: string;
  notedAt: string;
}

/** A refund reserved against the captured amount until the provider answers. */
export interface RefundRequested {
  refundId: string;
  paymentId: string;
  amount: Money;
  /** The admin who asked; the nil UUID when payments refunds by itself. */
  requestedBy: string;
  reason: string;
  requestedAt: string;
}

/** The provider refused the refund; its reservation is released. */
export interface RefundFailed {
  refundId: string;
  paymentId: string;
  amount: Money;
  failureCode: string;
  message: string;
  failedAt: string;
}
