import type { LedgerTransaction, SellerAccount } from './ledger-entries';

/** A seller's money in one currency, by account (minor units). */
export type SellerBalance = Record<SellerAccount, number>;

export function emptyBalance(): SellerBalance {
  return { pending: 0, held: 0, available: 0, in_transit: 0, paid: 0 };
}

/** `${sellerId}:${currency}` -> balance: what the transactions' seller entries add up to. */
export type Balances = Map<string, SellerBalance>;

export function balanceKey(sellerId: string, currency: string): string {
  return `${sellerId}:${currency}`;
}

export function addTransaction(balances: Balances, transaction: LedgerTransaction): Balances {
  for (const entry of transaction.entries) {
    if (entry.sellerId === null) continue;
    const key = balanceKey(entry.sellerId, transaction.currency);
    const balance = balances.get(key) ?? emptyBalance();
    balances.set(key, { ...balance, [entry.account]: balance[entry.account] + entry.amount });
  }
  return balances;
}
