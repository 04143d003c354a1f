import type { CheckoutPaymentMethod, Money } from '@marketplace/contracts';
import { randomUUID } from 'node:crypto';
import { PaymentStreams } from '../src/payments/application/payment-streams';
import type { StatementProvider } from '../src/statements/domain/statement-line';
import type { PaymentsTestApp } from './payments-app';

const METHODS: Record<StatementProvider, CheckoutPaymentMethod> = {
  mpesa: { type: 'mobile_money', provider: 'mpesa', phone: '+254712345678' },
  paynow: { type: 'mobile_money', provider: 'paynow', phone: '+263771234567' },
  stripe: 'pm_card_visa',
};

export interface ProviderPaymentHistory {
  providerPaymentId: string;
  amount: Money;
  /** Captured at this time; `failed` and `pending` are payments the provider never completed. */
  outcome: { capturedAt: string; refunded?: Money } | 'failed' | 'pending';
}

/**
 * A payment of this provider with this history, through the Payment decider (PaymentStreams) as the
 * provider adapters record them, with the provider's times. Returns its id.
 */
export async function providerPayment(app: PaymentsTestApp, provider: StatementProvider, history: ProviderPaymentHistory): Promise<string> {
  const streams = app.service.app.get(PaymentStreams);
  const paymentId = randomUUID();
  const { providerPaymentId, amount, outcome } = history;
  const at = new Date(typeof outcome === 'object' ? outcome.capturedAt : '2026-03-10T00:00:00.000Z');
  await streams.handle({ type: 'InitiatePayment', paymentId, orderId: randomUUID(), buyerId: randomUUID(), amount, paymentMethod: METHODS[provider], provider, at });
  await streams.handle({ type: 'RecordRequiresAction', paymentId, providerPaymentId, nextActionType: 'mobile_money_push', at });
  if (outcome === 'failed') await streams.handle({ type: 'RecordDecline', paymentId, providerPaymentId, failureCode: 'cancelled_by_user', message: 'Cancelled.', at });
  if (typeof outcome !== 'object') return paymentId;
  await streams.handle({ type: 'RecordCapture', paymentId, providerPaymentId, amount, at });
  if (outcome.refunded) {
    const refundId = randomUUID();
    await streams.handle({ type: 'RequestRefund', paymentId, refundId, amount: outcome.refunded, reason: 'returned', requestedBy: randomUUID(), at });
    await streams.handle({ type: 'RecordRefundIssued', paymentId, refundId, providerRefundId: `re_${refundId}`, amount: outcome.refunded, at });
  }
  return paymentId;
}
