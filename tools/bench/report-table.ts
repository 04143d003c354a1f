import type { Measurement } from './measurement';

const HEADERS = ['benchmark', 'rate', 'events/s', 'count', 'seconds', 'p50 ms', 'p99 ms'];

/** The results as a plain-text table (also readable when pasted into a note). */
export function reportTable(rows: Measurement[]): string {
  const cells = rows.map((m) => [
    m.name,
    `${whole(m.rate)} ${m.unit}`,
    whole(m.eventsPerSecond),
    whole(m.count),
    m.seconds.toFixed(1),
    m.p50Ms === undefined ? '' : m.p50Ms.toFixed(2),
    m.p99Ms === undefined ? '' : m.p99Ms.toFixed(2),
  ]);
  return textTable(HEADERS, cells);
}

/** A Markdown-style table: the first column left-aligned, the figures right-aligned. */
export function textTable(headers: string[], cells: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
  const line = (row: string[]) => '| ' + row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ') + ' |';
  return [line(headers), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...cells.map(line)].join('\n');
}

function whole(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
