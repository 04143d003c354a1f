import { formatMoney } from '@marketplace/contracts';
import type { PaymentEvent } from '../domain/payment-events';

export interface LogLine {
  msg: string;
  fields: Record<string, unknown>;
}

/**
 * The info lines of a payment's outcomes, so that a person can follow a checkout in the console.
 * A decline is an outcome, not a fault of the service: info, not warn.
 */
export function paymentLogLine(event: PaymentEvent): LogLine | undefined {
  switch (event.type) {
    case 'PaymentCaptured':
      return { msg: `payment captured: ${formatMoney(event.data.amount)} by ${event.data.provider}`, fields: { paymentId: event.data.paymentId, orderId: event.data.orderId } };
    case 'PaymentFailed': {
      const { failureCode, declineCode, paymentId, orderId } = event.data;
      return { msg: `payment failed: ${failureCode}${declineCode && declineCode !== failureCode ? ` (${declineCode})` : ''}`, fields: { paymentId, orderId } };
    }
    case 'PaymentRequiresAction':
      return { msg: `payment waits for the payer (${event.data.provider})`, fields: { paymentId: event.data.paymentId, orderId: event.data.orderId } };
    case 'RefundIssued':
      return { msg: `refund issued: ${formatMoney(event.data.amount)}`, fields: { paymentId: event.data.paymentId, orderId: event.data.orderId, refundId: event.data.refundId } };
    default:
      return undefined;
  }
}
