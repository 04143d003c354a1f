import type { SellerPayoutFailed, SellerPayoutPaid, SellerPayoutScheduled } from '@marketplace/contracts';
import { nameBasedId } from '@marketplace/kernel';
import { type LedgerTransaction, type SellerAccount, sellerEntry } from './ledger-entries';

export type PayoutLedgerEvent =
  | { type: 'SellerPayoutScheduled'; data: SellerPayoutScheduled }
  | { type: 'SellerPayoutPaid'; data: SellerPayoutPaid }
  | { type: 'SellerPayoutFailed'; data: SellerPayoutFailed };

export const PAYOUT_LEDGER_EVENT_TYPES: readonly PayoutLedgerEvent['type'][] = ['SellerPayoutScheduled', 'SellerPayoutPaid', 'SellerPayoutFailed'];

/** available -> in transit when scheduled; in transit -> paid, or back to available when it failed. */
const MOVES: Record<PayoutLedgerEvent['type'], { kind: LedgerTransaction['kind']; from: SellerAccount; to: SellerAccount }> = {
  SellerPayoutScheduled: { kind: 'payout', from: 'available', to: 'in_transit' },
  SellerPayoutPaid: { kind: 'payout_paid', from: 'in_transit', to: 'paid' },
  SellerPayoutFailed: { kind: 'payout_failed', from: 'in_transit', to: 'available' },
};

export function payoutTransaction(event: PayoutLedgerEvent, eventId: string): LedgerTransaction {
  const { kind, from, to } = MOVES[event.type];
  const { payoutId, sellerId, amount } = event.data;
  const at = 'scheduledAt' in event.data ? event.data.scheduledAt : 'paidAt' in event.data ? event.data.paidAt : event.data.failedAt;
  return {
    transactionId: nameBasedId(eventId, kind),
    kind,
    currency: amount.currency,
    payoutId,
    entries: [sellerEntry(sellerId, from, -amount.amount), sellerEntry(sellerId, to, amount.amount)],
    at,
  };
}
