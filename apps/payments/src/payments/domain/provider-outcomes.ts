import type { Money } from '@marketplace/contracts';
import type { PaymentCommand } from './payment-commands';
import type { RefundRecord } from './payment-state';

/** What a provider says about a payment: from a charge, a status query, a cancellation or a webhook. */
export type ChargeOutcome =
  /** `receipt`: what the provider prints on statements, when it is not its payment id. */
  | { kind: 'captured'; providerPaymentId: string; amount: Money; receipt?: string }
  | { kind: 'requires_action'; providerPaymentId: string; nextActionType: string }
  | { kind: 'declined'; providerPaymentId?: string; failureCode: string; declineCode?: string; message: string }
  | { kind: 'pending'; providerPaymentId: string };

/** What a provider says about a refund. */
export type RefundOutcome =
  | { kind: 'succeeded'; providerRefundId: string }
  | { kind: 'pending'; providerRefundId: string }
  | { kind: 'failed'; failureCode: string; message: string };

/** The command that records a provider's answer about a payment. */
export function chargeOutcomeCommand(paymentId: string, outcome: ChargeOutcome, at: Date): PaymentCommand {
  switch (outcome.kind) {
    case 'captured':
      return { type: 'RecordCapture', paymentId, providerPaymentId: outcome.providerPaymentId, amount: outcome.amount, ...(outcome.receipt ? { receipt: outcome.receipt } : {}), at };
    case 'requires_action':
      return { type: 'RecordRequiresAction', paymentId, providerPaymentId: outcome.providerPaymentId, nextActionType: outcome.nextActionType, at };
    case 'pending':
      return { type: 'RecordProcessing', paymentId, providerPaymentId: outcome.providerPaymentId, at };
    case 'declined': {
      const { kind: _kind, ...decline } = outcome;
      return { type: 'RecordDecline', paymentId, ...decline, at };
    }
  }
}

/** The command that records a provider's answer about a refund; a pending refund has nothing to record yet. */
export function refundOutcomeCommand(paymentId: string, refund: Pick<RefundRecord, 'refundId' | 'amount'>, outcome: RefundOutcome, at: Date): PaymentCommand | undefined {
  switch (outcome.kind) {
    case 'succeeded':
      return { type: 'RecordRefundIssued', paymentId, refundId: refund.refundId, providerRefundId: outcome.providerRefundId, amount: refund.amount, at };
    case 'failed':
      return { type: 'RecordRefundFailed', paymentId, refundId: refund.refundId, failureCode: outcome.failureCode, message: outcome.message, at };
    case 'pending':
      return undefined;
  }
}
