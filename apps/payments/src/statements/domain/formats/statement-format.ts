import type { StatementLine } from '../statement-line';
import type { RowReader } from './row-reader';

/** A row that is no incoming payment to the marketplace (counted, never matched). */
export const IGNORED = 'ignored';

/** One layout of provider statement: the columns it must have and how one row reads. */
export interface StatementFormat {
  name: string;
  /** Column names the header row must hold (others are allowed and not read). */
  columns: readonly string[];
  /** Whether a payment refunded in full shows as `refunded` on its own row (see Statement). */
  reportsRefunds: boolean;
  /** The row's transaction; IGNORED; or undefined when its problems were noted on the reader. */
  read(row: RowReader): StatementLine | typeof IGNORED | undefined;
}

/** Builds a line only when every field was read; any missing one was noted as a problem already. */
export function lineOf(row: RowReader, fields: Partial<Omit<StatementLine, 'line'>>): StatementLine | undefined {
  const { reference, amount, status, completedAt } = fields;
  if (reference === undefined || amount === undefined || status === undefined || completedAt === undefined) return undefined;
  return { line: row.line, reference, amount, status, completedAt };
}
