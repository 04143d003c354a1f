import { nameBasedId } from '@marketplace/kernel';
import { type LedgerEntry, type LedgerTransaction, sellerEntry } from './ledger-entries';
import type { LedgerStep } from './ledger-step';
import { type LedgerLine, lineNet, type OrderLedger, targetLocation } from './order-ledger-state';

/**
 * Moves each captured line's net to where it belongs now (a hold came or went, the dispute window
 * closed): into `held` is a hold, out of it or from pending to available a release.
 */
export function relocate(ledger: OrderLedger, eventId: string, at: string): LedgerStep {
  const { currency } = ledger;
  if (!ledger.lines || !ledger.captured || !currency) return { ledger, transactions: [] };
  const moves = { hold: [] as LedgerEntry[], release: [] as LedgerEntry[] };
  const lines = ledger.lines.map((line): LedgerLine => {
    const to = targetLocation(ledger, line);
    if (!line.location || line.location === to) return line;
    const net = lineNet(line);
    if (net !== 0) moves[to === 'held' ? 'hold' : 'release'].push(sellerEntry(line.sellerId, line.location, -net), sellerEntry(line.sellerId, to, net));
    return { ...line, location: to };
  });
  const transactions = (['hold', 'release'] as const)
    .filter((kind) => moves[kind].length > 0)
    .map((kind): LedgerTransaction => ({ transactionId: nameBasedId(eventId, kind), kind, currency, orderId: ledger.orderId, entries: moves[kind], at }));
  return { ledger: { ...ledger, lines }, transactions };
}
