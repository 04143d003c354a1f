import { parseCsv } from './csv-table';
import { MalformedStatementError } from './statement-errors';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers records by their first line', () => {
    const text = '\uFEFFa,b,c\r\n"1,000.00","say ""hi""","two\nlines"\r\n\r\nx,,z\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1,000.00', 'say "hi"', 'two\nlines'] },
      { line: 5, cells: ['x', '', 'z'] },
    ]);
  });

  it.each([
    ['a quote inside a field', 'a,b\nx,y"z\n', 2],
    ['text after a closing quote', 'a,b\n"x"y,z\n', 2],
    ['an unterminated quote', 'a,b\nx,"y\nz\n', 2],
  ])('refuses %s, naming the line', (_case, text, line) => {
    expect(() => parseCsv(text)).toThrow(expect.objectContaining({ code: 'malformed_statement', details: [expect.objectContaining({ field: `line ${line}: csv` })] }));
    expect(() => parseCsv(text)).toThrow(MalformedStatementError);
  });
});
