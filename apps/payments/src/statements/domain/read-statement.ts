import type { DomainErrorDetail } from '@marketplace/kernel';
import { type CsvRecord, parseCsv } from './csv-table';
import { genericStatement } from './formats/generic-statement';
import { mpesaStatement } from './formats/mpesa-statement';
import { paynowStatement } from './formats/paynow-statement';
import { columnKey, RowReader } from './formats/row-reader';
import { IGNORED, type StatementFormat } from './formats/statement-format';
import { lineProblem, MalformedStatementError, StatementTooLargeError } from './statement-errors';
import type { Statement, StatementLine, StatementProvider } from './statement-line';

/** The providers a statement can be reconciled for, each with the layouts it accepts. */
export const STATEMENT_FORMATS = {
  mpesa: [mpesaStatement, genericStatement],
  paynow: [paynowStatement, genericStatement],
  stripe: [genericStatement],
} as const satisfies Record<StatementProvider, readonly StatementFormat[]>;

/** Portal exports open with a title block (account, period, ...) before the header row. */
const MAX_PREAMBLE_RECORDS = 20;

/**
 * A provider statement's transactions, read strictly: the header row of one of the provider's
 * layouts, the same number of cells on every row, every field valid, each reference once. Any
 * problem refuses the whole file (a report over part of a statement would call the rest "missing").
 */
export function readStatement(provider: StatementProvider, text: string, maxRows: number): Statement {
  const records = parseCsv(text);
  const start = records.slice(0, MAX_PREAMBLE_RECORDS).findIndex((record) => formatOf(provider, record) !== undefined);
  if (start < 0) throw noHeader(provider);
  const header = records[start];
  const format = formatOf(provider, header) as StatementFormat;
  const rows = records.slice(start + 1);
  if (rows.length > maxRows) throw new StatementTooLargeError(maxRows);
  const columns = new Map(header.cells.map((name, index) => [columnKey(name), index] as const));
  const problems: DomainErrorDetail[] = [];
  const lines: StatementLine[] = [];
  const firstLineOf = new Map<string, number>();
  let ignoredRows = 0;
  for (const row of rows) {
    if (row.cells.length !== header.cells.length) {
      problems.push(lineProblem(row.line, 'row', `has ${row.cells.length} cells; the header has ${header.cells.length}`));
      continue;
    }
    const line = format.read(new RowReader(columns, row.cells, row.line, problems));
    if (line === IGNORED) ignoredRows++;
    if (line === IGNORED || line === undefined) continue;
    const first = firstLineOf.get(line.reference);
    if (first !== undefined) problems.push(lineProblem(row.line, 'reference', `"${line.reference}" is already on line ${first}`));
    firstLineOf.set(line.reference, first ?? line.line);
    lines.push(line);
  }
  if (problems.length > 0) throw new MalformedStatementError(`The ${format.name} statement has ${problems.length} problem(s).`, problems);
  return { provider, lines, ignoredRows, reportsRefunds: format.reportsRefunds };
}

function formatOf(provider: StatementProvider, record: CsvRecord): StatementFormat | undefined {
  const names = new Set(record.cells.map(columnKey));
  return STATEMENT_FORMATS[provider].find((format) => format.columns.every((column) => names.has(columnKey(column))));
}

function noHeader(provider: StatementProvider): MalformedStatementError {
  const expected = STATEMENT_FORMATS[provider].map((format) => `${format.name}: ${format.columns.join(', ')}`);
  return new MalformedStatementError(`No header row of a ${provider} statement was found.`, [{ field: 'header', message: `expected the columns of ${expected.join(' | or ')}` }]);
}
