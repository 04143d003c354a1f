import { positive } from './bench-config';
import { checkoutBenchConfig } from './checkout-bench-config';

/** Sizes of `npm run bench:memory`; each can be changed from the environment. */
export interface MemoryBenchConfig {
  databaseUrl: string;
  kafkaBrokers?: string[];
  /** Seconds the services are left alone once ready, before the idle samples: V8 gives back the heap it grew while starting about a minute after the allocations stop (BENCH_MEMORY_SETTLE_SECONDS, default 60). */
  settleSeconds: number;
  /** Idle samples, one a second; each service's median is reported (BENCH_MEMORY_SAMPLES, default 10). */
  samples: number;
  /** Seconds of checkouts after the idle figures; 0 measures idle only (BENCH_MEMORY_LOAD_SECONDS, default 30). */
  loadSeconds: number;
  /** Checkouts in flight during the load (BENCH_MEMORY_CONCURRENCY, default 10). */
  concurrency: number;
  /** Products listed for the load (BENCH_MEMORY_PRODUCTS, default 100). */
  products: number;
  lostAfterMs: number;
}

export function memoryBenchConfig(env: NodeJS.ProcessEnv = process.env): MemoryBenchConfig {
  const { databaseUrl, kafkaBrokers, lostAfterMs } = checkoutBenchConfig(env);
  return {
    databaseUrl,
    kafkaBrokers,
    lostAfterMs,
    settleSeconds: positive(env, 'BENCH_MEMORY_SETTLE_SECONDS', 60),
    samples: positive(env, 'BENCH_MEMORY_SAMPLES', 10),
    loadSeconds: env.BENCH_MEMORY_LOAD_SECONDS?.trim() === '0' ? 0 : positive(env, 'BENCH_MEMORY_LOAD_SECONDS', 30),
    concurrency: positive(env, 'BENCH_MEMORY_CONCURRENCY', 10),
    products: positive(env, 'BENCH_MEMORY_PRODUCTS', 100),
  };
}
