import type { Money } from '@marketplace/contracts';

/** The providers whose statements can be reconciled. */
export const STATEMENT_PROVIDERS = ['mpesa', 'paynow', 'stripe'] as const;

export type StatementProvider = (typeof STATEMENT_PROVIDERS)[number];

/**
 * What a provider says became of a transaction, in one vocabulary for every format: `completed` (the
 * money was received), `failed` (declined, cancelled, reversed before completion), `pending`, or
 * `refunded` (received, then given back in full).
 */
export type StatementStatus = 'completed' | 'failed' | 'pending' | 'refunded';

/** One transaction of a provider statement, read from its line of the file. */
export interface StatementLine {
  line: number;
  /** The provider's reference (M-Pesa receipt number, PayNow reference, Stripe pi_/ch_ id, ...). */
  reference: string;
  amount: Money;
  status: StatementStatus;
  /** ISO 8601 UTC. */
  completedAt: string;
}

/** A statement read from a file: its transactions and how many rows it held that are not payments to us. */
export interface Statement {
  provider: StatementProvider;
  lines: StatementLine[];
  /** Rows that are no incoming payment (an M-Pesa withdrawal, charge or transfer): counted, not matched. */
  ignoredRows: number;
  /**
   * Whether the layout marks a refunded payment as `refunded`. M-Pesa's does not (a reversal is a row
   * of its own and the payment's row stays Completed), so there a refunded payment is still `completed`.
   */
  reportsRefunds: boolean;
}
