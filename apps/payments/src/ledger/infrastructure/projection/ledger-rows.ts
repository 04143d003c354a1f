import type { LedgerTransaction } from '../../domain/ledger-entries';
import type { Balances } from '../../domain/seller-balance';

/** One row per entry, numbered within its transaction. */
export function entryRows(transactions: readonly LedgerTransaction[]) {
  return transactions.flatMap((transaction) =>
    transaction.entries.map((entry, index) => ({
      transaction_id: transaction.transactionId,
      entry_no: index,
      kind: transaction.kind,
      seller_id: entry.sellerId,
      account: entry.account,
      currency: transaction.currency,
      amount: entry.amount,
      order_id: transaction.orderId ?? null,
      payout_id: transaction.payoutId ?? null,
      at: transaction.at,
    })),
  );
}

/** What a batch adds to each seller's balance, with the payouts it scheduled. */
export function balanceRows(added: Balances, transactions: readonly LedgerTransaction[]) {
  return [...added.entries()].map(([key, balance]) => {
    const [sellerId, currency] = key.split(':');
    const payouts = transactions.filter((t) => t.kind === 'payout' && t.currency === currency && t.entries.some((entry) => entry.sellerId === sellerId)).length;
    return { seller_id: sellerId, currency, ...balance, payouts_scheduled: payouts };
  });
}
