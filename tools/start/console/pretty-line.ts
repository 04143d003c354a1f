/** A service's log line as pino writes it (JSON), with the fields the platform adds. */
export type LogRecord = Record<string, unknown> & { level?: string; time?: string; msg?: string };

const RED = 31;
const GREEN = 32;
const YELLOW = 33;
const DIM = 2;

/** Fields every line carries or that the layout shows already; the rest is printed as key=value. */
const SHOWN = new Set(['level', 'time', 'service', 'msg', 'request_id', 'trace_id', 'span_id', 'pid', 'hostname', 'component', 'context', 'err']);
const LEVEL_LABELS: Record<string, [string, number]> = { warn: ['WARN ', YELLOW], error: ['ERROR', RED], fatal: ['FATAL', RED], debug: ['DEBUG', DIM], trace: ['TRACE', DIM] };
const EXTRAS_MAX = 240;

export function paint(text: string, code: number, colour: boolean): string {
  return colour ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/**
 * One JSON log line made readable: time, level (info stays unlabelled), the message, then the other
 * fields as key=value, shortened; an error's stack on the lines below. "request completed" lines
 * become `POST /api/v1/orders -> 202 (12 ms)`.
 */
export function prettyLine(record: LogRecord, prefix: string, colour: boolean): string {
  const time = paint(clock(record.time), DIM, colour);
  const [label, code] = LEVEL_LABELS[record.level ?? 'info'] ?? ['', 0];
  const level = label ? `${paint(label, code, colour)} ` : '';
  const scope = typeof record.component === 'string' ? `${record.component}: ` : '';
  const extras = Object.entries(record).filter(([key]) => !SHOWN.has(key) && !(isRequestLine(record) && REQUEST_FIELDS.has(key)));
  const tail = extras.length > 0 ? `  ${paint(shorten(extras.map(([key, value]) => `${key}=${show(value)}`).join(' ')), DIM, colour)}` : '';
  return `${time} ${prefix} ${level}${scope}${message(record, colour)}${tail}${stack(record, colour)}`;
}

const REQUEST_FIELDS = new Set(['method', 'url', 'status', 'duration_ms']);
const isRequestLine = (record: LogRecord) => record.msg === 'request completed' && typeof record.status === 'number';

function message(record: LogRecord, colour: boolean): string {
  if (!isRequestLine(record)) return String(record.msg ?? '');
  const status = record.status as number;
  const statusCode = status >= 500 ? RED : status >= 400 ? YELLOW : GREEN;
  return `${record.method} ${record.url} -> ${paint(String(status), statusCode, colour)} (${record.duration_ms} ms)`;
}

/** The error's message, and its stack for errors and worse (a warning's stack is noise). */
function stack(record: LogRecord, colour: boolean): string {
  const err = record.err as { message?: string; stack?: string } | undefined;
  if (!err || typeof err !== 'object') return '';
  const severe = record.level === 'error' || record.level === 'fatal';
  const text = severe && err.stack ? err.stack : `${err.message ?? ''}`;
  return `\n${text.split('\n').map((line) => paint(`    ${line}`, severe ? RED : DIM, colour)).join('\n')}`;
}

function clock(time: string | undefined): string {
  const at = time ? new Date(time) : new Date();
  return Number.isNaN(at.getTime()) ? '--:--:--' : at.toTimeString().slice(0, 8);
}

function show(value: unknown): string {
  return typeof value === 'string' && !/\s/.test(value) ? value : JSON.stringify(value);
}

function shorten(text: string): string {
  return text.length > EXTRAS_MAX ? `${text.slice(0, EXTRAS_MAX - 1)}…` : text;
}
