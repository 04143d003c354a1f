import type { LogFormat } from '@marketplace/platform';
import { type LogRecord, paint, prettyLine } from './pretty-line';

const COLOURS = [36, 32, 33, 35, 34, 96, 92, 93, 95];
const WIDTH = 'notifications'.length;
const QUIET_LEVELS = new Set(['trace', 'debug', 'info']);

/**
 * `npm start`'s console, one place for every process's lines. The services write JSON lines; in
 * `json` format they pass through untouched (a line that is not JSON is wrapped into one), so a log
 * collector reads one stream. In `pretty` format (a terminal) each becomes a readable line behind a
 * coloured `name |`. While the demo seeds, the services' info lines are held back in pretty format:
 * the seed's requests would bury everything else.
 */
export class ConsoleOutput {
  private holding = false;
  private held = 0;
  private lastHeldAt = 0;

  constructor(
    readonly format: LogFormat,
    private readonly colour: boolean,
    private readonly write: (text: string) => void = (text) => process.stdout.write(text),
  ) {}

  /** One line a service (or PostgreSQL) wrote; `index` picks its colour. */
  line(name: string, index: number, text: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
    const record = parseRecord(text);
    if (record && this.holding && QUIET_LEVELS.has(record.level ?? 'info')) {
      this.held++;
      this.lastHeldAt = Date.now();
      return;
    }
    if (this.format === 'json') this.write(`${record ? text : JSON.stringify(recordOf(name, text, stream === 'stderr' ? 'warn' : 'info'))}\n`);
    else this.write(`${record ? prettyLine(record, this.prefix(name, index), this.colour) : `${this.prefix(name, index)} ${text}`}\n`);
  }

  /** A line of `npm start` itself: never held back. */
  say(name: string, index: number, text: string, level: 'info' | 'warn' | 'error' = 'info'): void {
    const record = recordOf(name, text, level);
    this.write(`${this.format === 'json' ? JSON.stringify(record) : prettyLine(record, this.prefix(name, index), this.colour)}\n`);
  }

  /** Holds the services' info lines back (pretty format only); returns how many were held when released. */
  holdBack(hold: boolean): number {
    this.holding = hold && this.format === 'pretty';
    const held = this.held;
    if (!hold) this.held = 0;
    return held;
  }

  /** Resolves once no line has been held back for `quietMs` (the services worked off what the seed started), or after `maxMs`. */
  async quiet(quietMs: number, maxMs: number): Promise<void> {
    const deadline = Date.now() + maxMs;
    while (this.holding && Date.now() - this.lastHeldAt < quietMs && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  private prefix(name: string, index: number): string {
    return paint(`${name.padEnd(WIDTH)} |`, COLOURS[index % COLOURS.length], this.colour);
  }
}

function recordOf(service: string, msg: string, level: string): LogRecord {
  return { level, time: new Date().toISOString(), service, msg };
}

function parseRecord(text: string): LogRecord | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as LogRecord) : undefined;
  } catch {
    return undefined;
  }
}
