import { letterId, type ListedLetter } from './dead-letters';

const HEADINGS = ['ID', 'KEY', 'TYPE', 'GROUP', 'ATTEMPTS', 'FAILED AT', 'STATUS', 'ERROR'];

/** One aligned row per letter under a heading row; the error last, as it is the longest. */
export function letterTable(letters: readonly ListedLetter[]): string[] {
  const rows = letters.map((l) => [
    letterId(l),
    l.key,
    l.eventType ?? '-',
    l.group ?? '-',
    l.attempts === undefined ? '-' : String(l.attempts),
    l.failedAt ?? '-',
    l.replayedAt ? 'replayed' : 'pending',
    `${l.error.name}: ${oneLine(l.error.message)}`,
  ]);
  const widths = HEADINGS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const align = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
  return [align(HEADINGS), ...rows.map(align)];
}

/** Everything a letter holds, the original message's value pretty-printed when it is JSON. */
export function letterDetails(letter: ListedLetter): string[] {
  const lines = [
    `dead letter ${letter.place} of ${letter.topic}`,
    `  event id:       ${letter.eventId ?? '-'}`,
    `  event type:     ${letter.eventType ?? '-'}`,
    `  from:           ${letter.originalTopic}, key ${letter.key}`,
    `  consumer group: ${letter.group ?? '-'}`,
    `  attempts:       ${letter.attempts ?? '-'}`,
    `  failed at:      ${letter.failedAt ?? '-'}`,
    `  status:         ${letter.replayedAt ? `replayed at ${letter.replayedAt.toISOString()}` : 'pending'}`,
    `  error:          ${letter.error.name}: ${letter.error.message}`,
  ];
  if (letter.error.details !== undefined) lines.push(`  details:        ${JSON.stringify(letter.error.details)}`);
  lines.push('  headers:', ...Object.entries(letter.headers).map(([name, value]) => `    ${name}: ${value}`));
  lines.push('  value:', ...valueText(letter.value).split('\n').map((line) => `    ${line}`));
  return lines;
}

function valueText(value: Buffer): string {
  const text = value.toString('utf8');
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // Not JSON (that may be why it failed): shown as received.
    return text;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
