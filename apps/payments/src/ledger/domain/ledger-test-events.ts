import { randomUUID } from 'node:crypto';
import type { LedgerEvent } from './ledger-book';

/*
 * Stored events for the ledger's unit tests, with only what the ledger reads being meaningful.
 */

const AT = '2026-01-01T00:00:00.000Z';
const money = (amount: number, currency = 'EUR') => ({ amount, currency });

export const ledgerEvents = {
  recorded: (orderId: string, lines: [productId: string, sellerId: string, lineTotal: number][], shipping = 0, tax = 0, rate = 1000, currency = 'EUR'): LedgerEvent => ({
    type: 'LedgerOrderRecorded',
    data: { orderId, currency, lines: lines.map(([productId, sellerId, lineTotal]) => ({ productId, sellerId, lineTotal, commissionRateBps: rate })), shipping, tax, recordedAt: AT },
  }),
  captured: (orderId: string, paymentId: string, amount: number, currency = 'EUR'): LedgerEvent => ({
    type: 'PaymentCaptured',
    data: { paymentId, orderId, amount: money(amount, currency), provider: 'simulated', providerPaymentId: 'pi_test', capturedAt: AT },
  }),
  refunded: (orderId: string, paymentId: string, amount: number, refundId: string = randomUUID(), currency = 'EUR'): LedgerEvent => ({
    type: 'RefundIssued',
    data: { refundId, paymentId, orderId, amount: money(amount, currency), provider: 'simulated', providerRefundId: 're_test', issuedBy: randomUUID(), issuedAt: AT },
  }),
  chargebackOpened: (orderId: string, paymentId: string, chargebackId: string, amount: number, currency = 'EUR'): LedgerEvent => ({
    type: 'ChargebackOpened',
    data: { chargebackId, paymentId, orderId, amount: money(amount, currency), provider: 'simulated', providerDisputeId: 'dp_test', reason: 'fraudulent', openedAt: AT },
  }),
  chargebackClosed: (orderId: string, paymentId: string, chargebackId: string, amount: number, outcome: 'won' | 'lost', currency = 'EUR'): LedgerEvent => ({
    type: 'ChargebackClosed',
    data: { chargebackId, paymentId, orderId, amount: money(amount, currency), outcome, closedAt: AT },
  }),
  disputeOpened: (orderId: string, paymentId: string, disputeId: string, productIds: string[]): LedgerEvent => ({
    type: 'LedgerDisputeOpened',
    data: { orderId, disputeId, paymentId, productIds, openedAt: AT },
  }),
  disputeResolved: (orderId: string, disputeId: string, outcome: 'refunded' | 'rejected' | 'closed'): LedgerEvent => ({
    type: 'LedgerDisputeResolved',
    data: { orderId, disputeId, outcome, resolvedAt: AT },
  }),
  windowClosed: (orderId: string): LedgerEvent => ({ type: 'LedgerDisputeWindowClosed', data: { orderId, closedAt: AT } }),
  payout: (type: 'SellerPayoutScheduled' | 'SellerPayoutPaid' | 'SellerPayoutFailed', payoutId: string, sellerId: string, amount: number, currency = 'EUR'): LedgerEvent => {
    const common = { payoutId, sellerId, amount: money(amount, currency) };
    if (type === 'SellerPayoutScheduled') return { type, data: { ...common, scheduledAt: AT } };
    if (type === 'SellerPayoutPaid') return { type, data: { ...common, providerPayoutId: 'po_test', paidAt: AT } };
    return { type, data: { ...common, failureCode: 'account_closed', message: 'closed', failedAt: AT } };
  },
};
