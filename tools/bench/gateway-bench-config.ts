import { BenchConfigError } from './bench-config';

/** Sizes of `npm run bench:gateway`; each can be changed from the environment. */
export interface GatewayBenchConfig {
  databaseUrl: string;
  kafkaBrokers?: string[];
  /** Connections / requests in flight (BENCH_GATEWAY_CONCURRENCY, default 32). */
  concurrency: number;
  /** Measured requests per target at most (BENCH_GATEWAY_REQUESTS, default 50,000). */
  maxRequests: number;
  /** Measured time per target at most (BENCH_GATEWAY_SECONDS, default 10). */
  seconds: number;
  /** Warm-up time per target, not measured (BENCH_GATEWAY_WARMUP_SECONDS, default 3). */
  warmupSeconds: number;
}

export function gatewayBenchConfig(env: NodeJS.ProcessEnv = process.env): GatewayBenchConfig {
  const databaseUrl = env.TEST_DATABASE_URL ?? env.DATABASE_URL;
  if (!databaseUrl) {
    throw new BenchConfigError(
      'No PostgreSQL for the gateway benchmark: set TEST_DATABASE_URL (or DATABASE_URL) to an admin connection URL, ' +
        'e.g. start one with `bash infra/postgres.sh start` and use the URL printed by `bash infra/postgres.sh env`.',
    );
  }
  const brokers = (env.TEST_KAFKA_BROKERS ?? env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  return {
    databaseUrl,
    kafkaBrokers: brokers.length > 0 ? brokers : undefined,
    concurrency: positive(env, 'BENCH_GATEWAY_CONCURRENCY', 32),
    maxRequests: positive(env, 'BENCH_GATEWAY_REQUESTS', 50_000),
    seconds: positive(env, 'BENCH_GATEWAY_SECONDS', 10),
    warmupSeconds: positive(env, 'BENCH_GATEWAY_WARMUP_SECONDS', 3),
  };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(value) || value <= 0) throw new BenchConfigError(`${name} must be a positive number, got "${raw}"`);
  return value;
}
