import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './request-context';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** JSON lines, or readable lines for a person at a terminal. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LoggerOptions {
  service: string;
  level?: LogLevel;
  /** Human-readable output for a terminal; JSON otherwise. */
  pretty?: boolean;
  /** Where the JSON lines go (stdout by default); tests pass a stream to read them back. */
  destination?: DestinationStream;
}

/** Secrets that must never reach a log line, wherever they appear in a logged object. */
const REDACTED_PATHS = ['authorization', 'cookie', 'password', 'token', 'accessToken', 'refreshToken', 'secret', 'apiKey'].flatMap(
  (key) => [key, `*.${key}`, `*.headers.${key}`, `*.*.${key}`],
);

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: logContext,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      transport: options.pretty ? { target: 'pino-pretty', options: { colorize: true } } : undefined,
    },
    options.pretty ? undefined : options.destination,
  );
}

/** Request id and the active trace, added to every line. */
function logContext(): Record<string, string> {
  const context: Record<string, string> = {};
  const requestId = currentRequestId();
  if (requestId) context.request_id = requestId;
  const span = trace.getActiveSpan()?.spanContext();
  if (span && isSpanContextValid(span)) {
    context.trace_id = span.traceId;
    context.span_id = span.spanId;
  }
  return context;
}
