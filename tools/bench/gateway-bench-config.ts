import { benchDatabaseUrl, positive } from './bench-config';

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
  const databaseUrl = benchDatabaseUrl(env, 'the gateway benchmark');
  const brokers = (env.TEST_KAFKA_BROKERS ?? env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  return {
    databaseUrl,
    kafkaBrokers: brokers.length > 0 ? brokers : undefined,
    concurrency: positive(env, 'BENCH_GATEWAY_CONCURRENCY', 32),
    maxRequests: positive(env, 'BENCH_GATEWAY_REQUESTS', 50_000),
    seconds: positive(env, 'BENCH_GATEWAY_SECONDS', 10, { integer: false }),
    warmupSeconds: positive(env, 'BENCH_GATEWAY_WARMUP_SECONDS', 3, { integer: false }),
  };
}
