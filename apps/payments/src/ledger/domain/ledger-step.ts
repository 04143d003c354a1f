import type { LedgerTransaction } from './ledger-entries';
import type { OrderLedger } from './order-ledger-state';

/** An order's ledger after one event, and the transactions that event posted. */
export interface LedgerStep {
  ledger: OrderLedger;
  transactions: LedgerTransaction[];
}

/** Runs the steps one after the other, keeping every transaction. */
export function chain(first: LedgerStep, ...next: ((ledger: OrderLedger) => LedgerStep)[]): LedgerStep {
  return next.reduce((step, run) => {
    const after = run(step.ledger);
    return { ledger: after.ledger, transactions: [...step.transactions, ...after.transactions] };
  }, first);
}
