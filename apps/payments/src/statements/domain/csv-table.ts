import { lineProblem, MalformedStatementError } from './statement-errors';

/** One record of a CSV file with the line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Splits CSV text into records (RFC 4180: comma-separated, fields in double quotes may hold commas,
 * line breaks and doubled quotes; CRLF or LF). Strict: a quote inside an unquoted field or an
 * unterminated quoted field is refused with its line, since a silently shifted column would match
 * the wrong amount. Blank lines are skipped; a leading byte-order mark is dropped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    afterQuote = false;
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        cell += char;
        if (char === '\n') line++;
      }
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
      afterQuote = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      recordLine = ++line;
    } else if (afterQuote) {
      throw malformed(line, 'text after a closing quote');
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === '"') {
      throw malformed(line, 'a quote inside an unquoted field');
    } else {
      cell += char;
    }
  }
  if (quoted) throw malformed(recordLine, 'a quoted field is never closed');
  endRecord();
  return records;
}

function malformed(line: number, problem: string): MalformedStatementError {
  return new MalformedStatementError('The statement is not valid CSV.', [lineProblem(line, 'csv', problem)]);
}
