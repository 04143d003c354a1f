import { benchDatabaseUrl, BenchConfigError, positive, benchKafkaBrokers } from './bench-config';

/** Sizes of `npm run bench:gateway`; each can be changed from the environment. */
export interface GatewayBenchConfig {
  databaseUrl: string;
  kafkaBrokers?: string[];
  /** Connections / requests in flight, one measurement each (BENCH_GATEWAY_CONCURRENCY, default 1,32). */
  concurrencies: number[];
  /** Measured requests per target and concurrency at most (BENCH_GATEWAY_REQUESTS, default 50,000). */
  maxRequests: number;
  /** Measured time per target and concurrency at most (BENCH_GATEWAY_SECONDS, default 10), split over the rounds. */
  seconds: number;
  /** Warm-up time per target and concurrency, not measured (BENCH_GATEWAY_WARMUP_SECONDS, default 3). */
  warmupSeconds: number;
  /**
   * The measured time is split into this many rounds, the two targets taking turns (BENCH_GATEWAY_ROUNDS,
   * default 4), so that a busy moment of the machine does not land on one target only.
   */
  rounds: number;
  /** LOG_LEVEL of identity and the gateway (BENCH_GATEWAY_LOG_LEVEL, default info: what production runs). */
  logLevel: string;
  /**
   * A directory: the gateway runs with `--cpu-prof` and writes its profile there when it stops
   * (BENCH_GATEWAY_CPU_PROF; summarise it with `node dist/tools/bench/gateway-cpu-profile.js <file>`).
   */
  cpuProfileDir?: string;
  /**
   * Also measure a bare `node:http` proxy on an undici pool in front of identity, in the same rounds: the
   * least a proxy hop adds on this machine (BENCH_GATEWAY_BARE_PROXY, default true; `false` leaves it out).
   */
  bareProxy: boolean;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function gatewayBenchConfig(env: NodeJS.ProcessEnv = process.env): GatewayBenchConfig {
  const databaseUrl = benchDatabaseUrl(env, 'the gateway benchmark');
  const brokers = benchKafkaBrokers(env);
  const logLevel = env.BENCH_GATEWAY_LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new BenchConfigError(`BENCH_GATEWAY_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  return {
    databaseUrl,
    kafkaBrokers: brokers.length > 0 ? brokers : undefined,
    concurrencies: positiveList(env, 'BENCH_GATEWAY_CONCURRENCY', [1, 32]),
    maxRequests: positive(env, 'BENCH_GATEWAY_REQUESTS', 50_000),
    seconds: positive(env, 'BENCH_GATEWAY_SECONDS', 10, { integer: false }),
    warmupSeconds: positive(env, 'BENCH_GATEWAY_WARMUP_SECONDS', 3, { integer: false }),
    rounds: positive(env, 'BENCH_GATEWAY_ROUNDS', 4),
    logLevel,
    cpuProfileDir: env.BENCH_GATEWAY_CPU_PROF || undefined,
    bareProxy: flag(env, 'BENCH_GATEWAY_BARE_PROXY', true),
  };
}

function positiveList(env: NodeJS.ProcessEnv, name: string, fallback: number[]): number[] {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return raw.split(',').map((part) => positive({ [name]: part.trim() }, name, 0));
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new BenchConfigError(`${name} must be true or false, got "${env[name]}"`);
}
