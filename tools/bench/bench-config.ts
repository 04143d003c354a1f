/** Sizes of one benchmark run; every one can be made smaller from the environment for a quick run. */
export interface BenchConfig {
  databaseUrl: string;
  /** Streams the append runs spread over (BENCH_STREAMS, default 10,000). */
  streams: number;
  /** Appends per append run (BENCH_APPENDS, default 20,000: two appends per stream). */
  appends: number;
  concurrencies: number[];
  batchSizes: number[];
  /** Rounds of each append run, every target once per round, the best kept (BENCH_ROUNDS, default 3). */
  rounds: number;
  /** Events in the log that the catch-up read and the projection rebuild go through (BENCH_LOG_EVENTS, default 1,000,000). */
  logEvents: number;
  /** Events per query of the catch-up subscription (BENCH_READ_BATCH, default 1,000). */
  readBatch: number;
}

export class BenchConfigError extends Error {}

export function benchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const databaseUrl = benchDatabaseUrl(env, 'the benchmark');
  return {
    databaseUrl,
    streams: positive(env, 'BENCH_STREAMS', 10_000),
    appends: positive(env, 'BENCH_APPENDS', 20_000),
    concurrencies: list(env, 'BENCH_CONCURRENCY', [1, 8, 32]),
    batchSizes: list(env, 'BENCH_BATCH_SIZES', [1, 10]),
    rounds: positive(env, 'BENCH_ROUNDS', 3),
    logEvents: positive(env, 'BENCH_LOG_EVENTS', 1_000_000),
    readBatch: positive(env, 'BENCH_READ_BATCH', 1_000),
  };
}

/** The admin PostgreSQL URL a benchmark creates its database from, or a BenchConfigError saying how to get one. */
export function benchDatabaseUrl(env: NodeJS.ProcessEnv, benchmark: string): string {
  const databaseUrl = env.TEST_DATABASE_URL ?? env.DATABASE_URL;
  if (!databaseUrl) {
    throw new BenchConfigError(
      `No PostgreSQL for ${benchmark}: set TEST_DATABASE_URL (or DATABASE_URL) to an admin connection URL, ` +
        'e.g. start one with `bash infra/postgres.sh start` and use the URL printed by `bash infra/postgres.sh env`.',
    );
  }
  return databaseUrl;
}

/** The Kafka brokers a benchmark uses (TEST_KAFKA_BROKERS, else KAFKA_BROKERS); none means the embedded bus. */
export function benchKafkaBrokers(env: NodeJS.ProcessEnv): string[] {
  return (env.TEST_KAFKA_BROKERS ?? env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
}

/** A positive size from the environment (`_` allowed as a digit separator), or `fallback` when unset. */
export function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, { integer = true } = {}): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  const valid = integer ? Number.isSafeInteger(value) : Number.isFinite(value);
  if (!valid || value <= 0) throw new BenchConfigError(`${name} must be a positive ${integer ? 'integer' : 'number'}, got "${raw}"`);
  return value;
}

/** Ends a benchmark run that failed: a configuration problem in one line, anything else with its stack. */
export function reportBenchFailure(error: unknown): void {
  process.stderr.write(`${error instanceof BenchConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
}

function list(env: NodeJS.ProcessEnv, name: string, fallback: number[]): number[] {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return raw.split(',').map((part) => positive({ [name]: part.trim() }, name, 0));
}
