import type { SellerPayoutFailed, SellerPayoutPaid, SellerPayoutScheduled } from '@marketplace/contracts';
import { nameBasedId } from '@marketplace/kernel';
import { type LedgerTransaction, type SellerAccount, sellerEntry } from './ledger-entries';

export type PayoutLedgerEvent =
  | { type: 'SellerPayoutScheduled'; data: SellerPayoutScheduled }
  | { type: 'SellerPayoutPaid'; data: SellerPayoutPaid }
  | { type: 'SellerPayoutFailed'; data: SellerPayoutFailed };

export const PAYOUT_LEDGER_EVENT_TYPES: readonly PayoutLedgerEvent['type'][] = ['SellerPayoutScheduled', 'SellerPayoutPaid', 'SellerPayoutFailed'];

type Move = { kind: LedgerTransaction['kind']; from: SellerAccount; to: SellerAccount; at: string };

/** available -> in transit when scheduled; in transit -> paid, or back to available when it failed. */
function moveOf(event: PayoutLedgerEvent): Move {
  switch (event.type) {
    case 'SellerPayoutScheduled':
      return { kind: 'payout', from: 'available', to: 'in_transit', at: event.data.scheduledAt };
    case 'SellerPayoutPaid':
      return { kind: 'payout_paid', from: 'in_transit', to: 'paid', at: event.data.paidAt };
    case 'SellerPayoutFailed':
      return { kind: 'payout_failed', from: 'in_transit', to: 'available', at: event.data.failedAt };
  }
}

export function payoutTransaction(event: PayoutLedgerEvent, eventId: string): LedgerTransaction {
  const { kind, from, to, at } = moveOf(event);
  const { payoutId, sellerId, amount } = event.data;
  return {
    transactionId: nameBasedId(eventId, kind),
    kind,
    currency: amount.currency,
    payoutId,
    entries: [sellerEntry(sellerId, from, -amount.amount), sellerEntry(sellerId, to, amount.amount)],
    at,
  };
}
