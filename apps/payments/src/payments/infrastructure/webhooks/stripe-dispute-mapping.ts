import type { WebhookInput } from '../../application/webhook-input';
import { type DisputeObject, disputeObject, marketplaceId } from './stripe-webhook-objects';

export const DISPUTE_EVENTS = ['charge.dispute.created', 'charge.dispute.closed'];

/**
 * A chargeback: opened by `charge.dispute.created`, ended by `charge.dispute.closed` when Stripe says
 * won or lost (any other closing status is not a verdict on the money and is ignored). The payment is
 * found by our metadata on an expanded charge or intent, else by the PaymentIntent's id.
 */
export function stripeDisputeInput(type: string, object: unknown): WebhookInput {
  const dispute = disputeObject.parse(object);
  const outcome = dispute.status === 'won' || dispute.status === 'lost' ? dispute.status : undefined;
  if (type === 'charge.dispute.closed' && !outcome) return { kind: 'ignored', reason: `dispute closed as ${dispute.status}` };
  const paymentId = [dispute.metadata, metadataOf(dispute.charge), metadataOf(dispute.payment_intent)].map((meta) => marketplaceId(meta, 'paymentId')).find(Boolean);
  const providerPaymentId = typeof dispute.payment_intent === 'string' ? dispute.payment_intent : dispute.payment_intent?.id;
  if (!paymentId && !providerPaymentId) return { kind: 'ignored', reason: 'the dispute names no payment' };
  const { id: providerDisputeId, amount, currency, reason } = dispute;
  return { kind: 'chargeback', paymentId, providerPaymentId, chargeback: { providerDisputeId, amount: { amount, currency: currency.toUpperCase() }, reason, outcome } };
}

function metadataOf(reference: DisputeObject['charge']): Record<string, string> | null | undefined {
  return typeof reference === 'object' ? reference?.metadata : undefined;
}
