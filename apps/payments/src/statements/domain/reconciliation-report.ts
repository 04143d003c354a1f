import type { Money } from '@marketplace/contracts';
import type { StatementProvider, StatementStatus } from './statement-line';

export interface Period {
  /** ISO 8601 UTC, both ends included. */
  from: string;
  to: string;
}

/** What differs between our payment and the statement's row of the same reference. */
export type Discrepancy = 'amount' | 'currency' | 'status';

export interface StatementEntry {
  amount: Money;
  status: StatementStatus;
}

export interface MatchedTransaction extends StatementEntry {
  reference: string;
  line: number;
  paymentId: string;
  orderId: string;
  completedAt: string;
}

/** Captured by us within the period, absent from the statement. */
export interface MissingTransaction extends StatementEntry {
  reference: string;
  paymentId: string;
  orderId: string;
  capturedAt: string;
}

/** On the statement, unknown to us. */
export interface UnknownTransaction extends StatementEntry {
  reference: string;
  line: number;
  completedAt: string;
}

export interface MismatchedTransaction {
  reference: string;
  line: number;
  paymentId: string;
  orderId: string;
  /** Ours. */
  expected: StatementEntry;
  /** The statement's. */
  actual: StatementEntry & { completedAt: string };
  problems: Discrepancy[];
}

export interface ReconciliationReport {
  provider: StatementProvider;
  period: Period;
  summary: { matched: number; missing: number; unknown: number; mismatched: number };
  /** Statement rows that are no incoming payment (M-Pesa withdrawals), left out of the matching. */
  ignoredRows: number;
  matched: MatchedTransaction[];
  missing: MissingTransaction[];
  unknown: UnknownTransaction[];
  mismatched: MismatchedTransaction[];
}
