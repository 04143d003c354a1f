import type { ChargebackOpened, PaymentCaptured, PaymentFailed, PaymentInitiated, RefundIssued } from '@marketplace/contracts';

/** The events payment analytics counts; every other event of the log is none of its business. */
export type CountedPaymentEvent =
  | { type: 'PaymentInitiated'; data: PaymentInitiated }
  | { type: 'PaymentCaptured'; data: PaymentCaptured }
  | { type: 'PaymentFailed'; data: PaymentFailed }
  | { type: 'RefundIssued'; data: RefundIssued }
  | { type: 'ChargebackOpened'; data: ChargebackOpened };

export const COUNTED_PAYMENT_EVENT_TYPES: readonly CountedPaymentEvent['type'][] = ['PaymentInitiated', 'PaymentCaptured', 'PaymentFailed', 'RefundIssued', 'ChargebackOpened'];

/** What one minute adds up to in one currency (amounts in its minor units). */
export interface MinuteCounts {
  initiated: number;
  captured: number;
  capturedAmount: number;
  failed: number;
  refunds: number;
  refundedAmount: number;
  chargebacks: number;
  chargebackAmount: number;
}

/** One event's contribution: the minute it happened in (UTC, ISO), its currency, what it adds. */
export interface PaymentFact {
  minute: string;
  currency: string;
  counts: Partial<MinuteCounts>;
  /** A failure's decline reason (see `declineReason`). */
  declineReason?: string;
}

/**
 * The issuer's reason when the provider gives one (`insufficient_funds`), else the provider's failure
 * code (`card_declined`, `expired`, `canceled`): the most specific word there is on why it failed.
 */
export function declineReason(failed: Pick<PaymentFailed, 'failureCode' | 'declineCode'>): string {
  return failed.declineCode ?? failed.failureCode;
}

/** The minute an instant falls in, as an ISO time. */
export function minuteOf(time: string): string {
  const at = Date.parse(time);
  return new Date(at - (at % 60_000)).toISOString();
}

/** The fact an event is, dated by the event's own time (when it happened, not when it was stored). */
export function paymentFact(event: CountedPaymentEvent): PaymentFact {
  switch (event.type) {
    case 'PaymentInitiated':
      return fact(event.data.initiatedAt, event.data.amount.currency, { initiated: 1 });
    case 'PaymentCaptured':
      return fact(event.data.capturedAt, event.data.amount.currency, { captured: 1, capturedAmount: event.data.amount.amount });
    case 'PaymentFailed':
      return { ...fact(event.data.failedAt, event.data.amount.currency, { failed: 1 }), declineReason: declineReason(event.data) };
    case 'RefundIssued':
      return fact(event.data.issuedAt, event.data.amount.currency, { refunds: 1, refundedAmount: event.data.amount.amount });
    case 'ChargebackOpened':
      return fact(event.data.openedAt, event.data.amount.currency, { chargebacks: 1, chargebackAmount: event.data.amount.amount });
    default: {
      const unknown: never = event;
      throw new Error(`Not a counted payment event: ${JSON.stringify(unknown)}`);
    }
  }
}

function fact(time: string, currency: string, counts: Partial<MinuteCounts>): PaymentFact {
  return { minute: minuteOf(time), currency, counts };
}
