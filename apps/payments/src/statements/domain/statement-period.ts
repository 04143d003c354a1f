import { DomainError } from '@marketplace/kernel';
import type { Period } from './reconciliation-report';
import type { StatementLine } from './statement-line';

export class InvalidPeriodError extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'invalid_period';

  constructor(message: string, field: string) {
    super(message, [{ field, message }]);
  }
}

/**
 * The period a statement covers: the `from` and `to` the admin gives (the export's own range), else
 * its first and last transaction's times. A statement without transactions covers nothing unless
 * both are given.
 */
export function statementPeriod(lines: readonly StatementLine[], given: Partial<Period> = {}): Period {
  const times = lines.map((line) => line.completedAt).sort();
  const from = given.from ?? times[0];
  const to = given.to ?? times.at(-1);
  if (from === undefined || to === undefined) throw new InvalidPeriodError('The statement has no transactions; give its period as from and to.', from === undefined ? 'from' : 'to');
  if (Date.parse(from) > Date.parse(to)) throw new InvalidPeriodError('The period ends before it starts.', 'to');
  return { from, to };
}

export function within(period: Period, time: string): boolean {
  const at = Date.parse(time);
  return at >= Date.parse(period.from) && at <= Date.parse(period.to);
}
