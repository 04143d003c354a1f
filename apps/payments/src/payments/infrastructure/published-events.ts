import {
  chargebackClosed,
  chargebackOpened,
  paymentCaptured,
  paymentFailed,
  paymentInitiatedV2,
  paymentRequiresAction,
  type paymentsEvents,
  refundIssued,
  sellerPayoutFailed,
  sellerPayoutPaid,
  sellerPayoutScheduled,
} from '@marketplace/contracts';
import type { RecordedEventMapper } from '@marketplace/messaging';

type PaymentContract = (typeof paymentsEvents)[number];

/**
 * The stored events other services see, each with its contract: the payments' own and the payouts'
 * (streams `payout-<id>`); every other stored event (payments' private ones, the ledger's) stays private.
 */
const CONTRACTS: Partial<Record<string, PaymentContract>> = {
  PaymentInitiated: paymentInitiatedV2,
  PaymentRequiresAction: paymentRequiresAction,
  PaymentCaptured: paymentCaptured,
  PaymentFailed: paymentFailed,
  RefundIssued: refundIssued,
  ChargebackOpened: chargebackOpened,
  ChargebackClosed: chargebackClosed,
  SellerPayoutScheduled: sellerPayoutScheduled,
  SellerPayoutPaid: sellerPayoutPaid,
  SellerPayoutFailed: sellerPayoutFailed,
};

function contractOf(type: string): PaymentContract | undefined {
  return Object.hasOwn(CONTRACTS, type) ? CONTRACTS[type] : undefined;
}

/**
 * The relay's mapping: a public event goes to payments.payment.v1 as `marketplace.payments.<Name>.v1`,
 * its stored data unchanged, keyed and subjected by its aggregate's id (the payment's, or the payout's);
 * a private one maps to undefined.
 */
export const publishPaymentEvent: RecordedEventMapper = (event) => {
  const contract = contractOf(event.type);
  if (!contract) return undefined;
  return { topic: contract.topic, type: contract.type, subject: (event.data as Record<string, string>)[contract.aggregateId] };
};

/** A public event its contract rejects: never stored, since the relay would stop on it rather than skip it. */
export class UnpublishableEventError extends Error {
  override readonly name = 'UnpublishableEventError';
}

/**
 * Refuses to store a public event its contract would reject. The data comes from provider answers, so
 * this is a failure of the step (retried, dead-lettered, a 500), never the client's 400.
 */
export function assertPublishable(events: readonly { type: string; data: unknown }[]): void {
  for (const event of events) {
    const result = contractOf(event.type)?.schema.safeParse(event.data);
    if (result && !result.success) throw new UnpublishableEventError(`${event.type} breaks its contract: ${result.error.message}`);
  }
}
