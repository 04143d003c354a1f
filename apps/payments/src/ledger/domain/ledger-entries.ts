/*
 * The ledger's vocabulary. Every amount is in integer minor units of the transaction's currency, signed:
 * a seller account and commission revenue grow with what is owed to their owner; clearing (the money the
 * marketplace holds for others) moves the other way, so every transaction's entries sum to zero.
 */

/** Where a seller's money is: not payable yet, held by a dispute or chargeback, payable, on its way, paid. */
export type SellerAccount = 'pending' | 'held' | 'available' | 'in_transit' | 'paid';
export type MarketplaceAccount = 'clearing' | 'commission_revenue';

export const SELLER_ACCOUNTS: readonly SellerAccount[] = ['pending', 'held', 'available', 'in_transit', 'paid'];

export type LedgerEntry =
  | { sellerId: string; account: SellerAccount; amount: number }
  | { sellerId: null; account: MarketplaceAccount; amount: number };

/** release and hold move a seller's money between its own accounts; the others are the entry kinds. */
export type TransactionKind = 'sale' | 'commission' | 'refund' | 'chargeback' | 'hold' | 'release' | 'payout' | 'payout_paid' | 'payout_failed';

export interface LedgerTransaction {
  /** Derived from the event that caused it, so that a rebuild writes the same ids. */
  transactionId: string;
  kind: TransactionKind;
  currency: string;
  orderId?: string;
  payoutId?: string;
  entries: LedgerEntry[];
  at: string;
}

export function sellerEntry(sellerId: string, account: SellerAccount, amount: number): LedgerEntry {
  return { sellerId, account, amount };
}

export function marketplaceEntry(account: MarketplaceAccount, amount: number): LedgerEntry {
  return { sellerId: null, account, amount };
}
