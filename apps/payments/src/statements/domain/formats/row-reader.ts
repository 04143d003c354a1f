import type { DomainErrorDetail } from '@marketplace/kernel';
import type { Money } from '@marketplace/contracts';
import { toMinorUnits } from '../minor-units';
import { lineProblem } from '../statement-errors';
import type { StatementStatus } from '../statement-line';

/** Header names compared without case, surrounding spaces or a trailing dot (`Receipt No.` = `receipt no`). */
export function columnKey(name: string): string {
  return name.trim().replace(/\.$/, '').toLowerCase();
}

/**
 * Reads the cells of one statement row by column name and notes each problem with its line and
 * column, so one pass lists every mistake of the file instead of the first one.
 */
export class RowReader {
  constructor(
    private readonly columns: Map<string, number>,
    private readonly cells: string[],
    readonly line: number,
    private readonly problems: DomainErrorDetail[],
  ) {}

  has(column: string): boolean {
    return this.columns.has(columnKey(column));
  }

  /** The trimmed cell; '' for a column the file does not have. */
  text(column: string): string {
    const index = this.columns.get(columnKey(column));
    return index === undefined ? '' : (this.cells[index] ?? '').trim();
  }

  required(column: string): string | undefined {
    const value = this.text(column);
    if (value === '') this.problem(column, 'is empty');
    return value || undefined;
  }

  money(column: string, currency: string): Money | undefined {
    const text = this.required(column);
    if (text === undefined) return undefined;
    const parsed = toMinorUnits(text, currency);
    if ('problem' in parsed) return this.problem(column, parsed.problem);
    return { amount: parsed.amount, currency };
  }

  time(column: string, parse: (text: string) => string | undefined, expected: string): string | undefined {
    const text = this.required(column);
    if (text === undefined) return undefined;
    return parse(text) ?? this.problem(column, `"${text}" is not a time such as ${expected}`);
  }

  /** The cell's value through `statuses` (keys compared without case). */
  status(column: string, statuses: Readonly<Record<string, StatementStatus>>): StatementStatus | undefined {
    const text = this.required(column);
    if (text === undefined) return undefined;
    const status = statuses[text.toLowerCase()];
    return status ?? this.problem(column, `"${text}" is not one of: ${Object.keys(statuses).join(', ')}`);
  }

  problem(column: string, message: string): undefined {
    this.problems.push(lineProblem(this.line, column, message));
    return undefined;
  }
}
