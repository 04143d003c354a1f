import { nameBasedId } from '@marketplace/kernel';
import { allocate, roundHalfUp } from './allocation';
import { type LedgerEntry, marketplaceEntry, sellerEntry } from './ledger-entries';
import type { LedgerStep } from './ledger-step';
import type { LedgerLine, OrderLedger } from './order-ledger-state';

export interface MoneyBack {
  kind: 'refund' | 'chargeback';
  amount: number;
  /** A dispute's refund goes to its lines only; anything else to every line and the marketplace's part. */
  productIds?: string[];
  eventId: string;
  at: string;
}

/**
 * Money that went back to the buyer (a refund, a lost chargeback), charged to the lines in proportion
 * to what each still holds (largest remainder; shipping and tax are the marketplace's part, which takes
 * its own share and whatever goes back beyond what the lines still hold). Each line gets back the
 * commission on what it lost, so that commission reversed = commission x refunded / total, half up.
 */
export function chargeMoneyBack(ledger: OrderLedger, back: MoneyBack): LedgerStep {
  const { lines, currency } = ledger;
  if (!lines || !ledger.captured || !currency || back.amount <= 0) return { ledger, transactions: [] };
  const charged = lines.filter((line) => !back.productIds || back.productIds.includes(line.productId));
  const marketplaceLeft = back.productIds ? 0 : ledger.marketplacePart - ledger.marketplaceRefunded;
  const linesLeft = charged.reduce((sum, line) => sum + line.lineTotal - line.refunded, 0);
  // More than is left (a lost chargeback after refunds) is the marketplace's loss: no line goes below zero.
  const allocated = Math.min(back.amount, linesLeft + marketplaceLeft);
  const shares = allocate(allocated, [...charged.map((line) => line.lineTotal - line.refunded), marketplaceLeft]);
  const lineShares = new Map(charged.map((line, index) => [line.productId, shares[index]]));
  const toMarketplace = back.amount - [...lineShares.values()].reduce((sum, share) => sum + share, 0);
  const entries: LedgerEntry[] = [];
  let reversed = 0;
  const next = lines.map((line): LedgerLine => {
    const share = lineShares.get(line.productId) ?? 0;
    if (share === 0 || !line.location) return line;
    const refunded = line.refunded + share;
    const commissionReversed = roundHalfUp(line.commission, refunded, line.lineTotal);
    const giveBack = commissionReversed - line.commissionReversed;
    reversed += giveBack;
    entries.push(sellerEntry(line.sellerId, line.location, giveBack - share));
    return { ...line, refunded, commissionReversed };
  });
  const toLines = back.amount - toMarketplace;
  if (toLines > 0) entries.push(marketplaceEntry('clearing', toLines), marketplaceEntry('commission_revenue', -reversed));
  const transactions = entries.length === 0 ? [] : [{ transactionId: nameBasedId(back.eventId, back.kind), kind: back.kind, currency, orderId: ledger.orderId, entries, at: back.at }];
  return { ledger: { ...ledger, lines: next, marketplaceRefunded: ledger.marketplaceRefunded + toMarketplace }, transactions };
}
