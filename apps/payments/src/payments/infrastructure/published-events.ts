import { paymentCaptured, paymentFailed, paymentInitiatedV2, paymentRequiresAction, type paymentsEvents, refundIssued } from '@marketplace/contracts';
import type { RecordedEventMapper } from '@marketplace/messaging';
import type { PaymentEvent, PaymentEventType } from '../domain/payment-events';

type PaymentContract = (typeof paymentsEvents)[number];

/** The stored events other services see, each with its contract; every other payment event stays private. */
const CONTRACTS: Partial<Record<PaymentEventType, PaymentContract>> = {
  PaymentInitiated: paymentInitiatedV2,
  PaymentRequiresAction: paymentRequiresAction,
  PaymentCaptured: paymentCaptured,
  PaymentFailed: paymentFailed,
  RefundIssued: refundIssued,
};

/**
 * The relay's mapping: a public event goes to payments.payment.v1 as `marketplace.payments.<Name>.v1`,
 * its stored data unchanged, keyed and subjected by its payment id; a private one maps to undefined.
 */
export const publishPaymentEvent: RecordedEventMapper = (event) => {
  const contract = CONTRACTS[event.type as PaymentEventType];
  if (!contract) return undefined;
  return { topic: contract.topic, type: contract.type, subject: (event.data as { paymentId: string }).paymentId };
};

/** A public event its contract rejects: never stored, since the relay would stop on it rather than skip it. */
export class UnpublishableEventError extends Error {
  override readonly name = 'UnpublishableEventError';
}

/**
 * Refuses to store a public event its contract would reject. The data comes from provider answers, so
 * this is a failure of the step (retried, dead-lettered, a 500), never the client's 400.
 */
export function assertPublishable(events: readonly PaymentEvent[]): void {
  for (const event of events) {
    const result = CONTRACTS[event.type]?.schema.safeParse(event.data);
    if (result && !result.success) throw new UnpublishableEventError(`${event.type} breaks its contract: ${result.error.message}`);
  }
}
