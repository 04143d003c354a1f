import { DomainError, type DomainErrorDetail } from '@marketplace/kernel';

/** Most problems a malformed statement lists before the answer stops: enough to fix a file, not a flood. */
export const MAX_PROBLEMS = 20;

/** The statement cannot be read: each detail names the line (`line 7`) and the column or field. */
export class MalformedStatementError extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'malformed_statement';

  constructor(message: string, details: DomainErrorDetail[]) {
    super(message, details.slice(0, MAX_PROBLEMS));
  }
}

/** More rows than one report takes; the admin splits the period. */
export class StatementTooLargeError extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'statement_too_large';

  constructor(maxRows: number) {
    super(`A statement may hold at most ${maxRows} transactions; export a shorter period.`, [{ field: 'body', message: `more than ${maxRows} rows` }]);
  }
}

/** One problem at one line of the file (1-based, as an editor shows it). */
export function lineProblem(line: number, field: string, message: string): DomainErrorDetail {
  return { field: `line ${line}: ${field}`, message };
}
