import type { Money } from '@marketplace/contracts';
import type { ChargeOutcome, RefundOutcome } from '../domain/provider-outcomes';

/** A refund as the provider reports it; `refundId` is ours when the refund was made through payments. */
export interface ProviderRefundReport {
  providerRefundId: string;
  refundId?: string;
  amount: Money;
  outcome: RefundOutcome;
}

/** What a verified provider webhook tells payments, whatever the provider's own format. */
export type WebhookInput =
  | { kind: 'payment'; paymentId: string; outcome: ChargeOutcome }
  | { kind: 'refunds'; paymentId: string; refunds: ProviderRefundReport[] }
  | { kind: 'ignored'; reason: string };

export interface ProviderNotification {
  /** The provider's event id: a repeat is recognised by it. */
  eventId: string;
  type: string;
  input: WebhookInput;
}
