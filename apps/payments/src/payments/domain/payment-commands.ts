import type { CheckoutPaymentMethod, Money, PaymentProvider } from '@marketplace/contracts';
import type { RecordChargebackClosed, RecordChargebackOpened } from './chargeback-commands';

/*
 * What a Payment is asked to do. Provider inputs (API answers, webhooks, status queries) and other
 * services' events are quietly ignored where they no longer apply; the admin's refund is refused with
 * a typed error. Time (`at`) and ids come in with the command.
 */

export interface InitiatePayment {
  type: 'InitiatePayment';
  paymentId: string;
  orderId: string;
  buyerId: string;
  amount: Money;
  paymentMethod: CheckoutPaymentMethod;
  provider: PaymentProvider;
  at: Date;
}

interface PaymentInput {
  paymentId: string;
  at: Date;
}

export type RecordRequiresAction = PaymentInput & { type: 'RecordRequiresAction'; providerPaymentId: string; nextActionType: string };
export type RecordProcessing = PaymentInput & { type: 'RecordProcessing'; providerPaymentId: string };
export type RecordCapture = PaymentInput & { type: 'RecordCapture'; providerPaymentId: string; amount: Money; receipt?: string };
export type RecordDecline = PaymentInput & {
  type: 'RecordDecline';
  providerPaymentId?: string;
  failureCode: string;
  declineCode?: string;
  message: string;
};

export type NoteOrderCancelled = PaymentInput & { type: 'NoteOrderCancelled'; reason: string };

export interface RequestRefund {
  type: 'RequestRefund';
  paymentId: string;
  refundId: string;
  /** Undefined: whatever is still refundable. */
  amount?: Money;
  reason: string;
  requestedBy: string;
  at: Date;
}

export type RecordRefundIssued = PaymentInput & { type: 'RecordRefundIssued'; refundId: string; providerRefundId: string; amount: Money };
export type RecordRefundFailed = PaymentInput & { type: 'RecordRefundFailed'; refundId: string; failureCode: string; message: string };

export type PaymentCommand =
  | InitiatePayment
  | RecordRequiresAction
  | RecordProcessing
  | RecordCapture
  | RecordDecline
  | NoteOrderCancelled
  | RequestRefund
  | RecordRefundIssued
  | RecordRefundFailed
  | RecordChargebackOpened
  | RecordChargebackClosed;
