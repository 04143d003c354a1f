import { nameBasedId } from '@marketplace/kernel';
import { type LedgerTransaction, marketplaceEntry, sellerEntry } from './ledger-entries';
import { type OrderLedger, targetLocation } from './order-ledger-state';
import type { LedgerStep } from './ledger-step';

/**
 * Once the order's lines are known and its payment captured (in either order): each line's total is
 * owed to its seller (sale), less the commission on it (commission), where the line's money belongs.
 */
export function postSale(ledger: OrderLedger, eventId: string, at: string): LedgerStep {
  if (!ledger.lines || !ledger.captured || !ledger.currency) return { ledger, transactions: [] };
  const lines = ledger.lines.map((line) => ({ ...line, location: targetLocation(ledger, line) }));
  const common = { currency: ledger.currency, orderId: ledger.orderId, at };
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotal, 0);
  const commission = lines.reduce((sum, line) => sum + line.commission, 0);
  const sale: LedgerTransaction = {
    ...common,
    transactionId: nameBasedId(eventId, 'sale'),
    kind: 'sale',
    entries: [...lines.map((line) => sellerEntry(line.sellerId, line.location, line.lineTotal)), marketplaceEntry('clearing', -subtotal)],
  };
  const fee: LedgerTransaction = {
    ...common,
    transactionId: nameBasedId(eventId, 'commission'),
    kind: 'commission',
    entries: [...lines.map((line) => sellerEntry(line.sellerId, line.location, -line.commission)), marketplaceEntry('commission_revenue', commission)],
  };
  return { ledger: { ...ledger, lines }, transactions: [sale, fee] };
}
