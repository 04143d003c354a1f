export type BusLogLevel = 'error' | 'warn' | 'info' | 'debug';

/** Where the adapters (and the Kafka client under them) write their logs; a service plugs its own logger in. */
export type BusLogger = (level: BusLogLevel, message: string, fields?: Record<string, unknown>) => void;

const SEVERITY: Record<BusLogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** One JSON line per entry on stderr, dropping anything below `minLevel`. */
export function stderrBusLogger(minLevel: BusLogLevel = 'warn'): BusLogger {
  return (level, message, fields) => {
    if (SEVERITY[level] > SEVERITY[minLevel]) return;
    process.stderr.write(JSON.stringify({ level, msg: message, component: 'message-bus', ...fields }) + '\n');
  };
}

export function errorFields(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { error: error.message, errorName: error.name } : { error: String(error) };
}
