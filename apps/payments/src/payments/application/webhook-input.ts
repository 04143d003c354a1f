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
/** A chargeback as the provider reports it; `outcome` once it is closed. */
export interface ChargebackReport {
  providerDisputeId: string;
  amount: Money;
  reason: string;
  outcome?: 'won' | 'lost';
}

export type WebhookInput =
  | { kind: 'payment'; paymentId: string; outcome: ChargeOutcome }
  | { kind: 'refunds'; paymentId: string; refunds: ProviderRefundReport[] }
  /** The payment by our id when the report carries it, else by the provider's payment id. */
  | { kind: 'chargeback'; paymentId?: string; providerPaymentId?: string; chargeback: ChargebackReport }
  | { kind: 'ignored'; reason: string };

export interface ProviderNotification {
  /** The provider's event id: a repeat is recognised by it. */
  eventId: string;
  type: string;
  input: WebhookInput;
}
