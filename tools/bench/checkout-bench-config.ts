import { benchDatabaseUrl, positive, benchKafkaBrokers } from './bench-config';

/** Sizes of `npm run bench:checkout`; each can be changed from the environment. */
export interface CheckoutBenchConfig {
  databaseUrl: string;
  kafkaBrokers?: string[];
  /** Products for sale, spread over 5 sellers (BENCH_CHECKOUT_PRODUCTS, default 500). */
  products: number;
  /** Checkouts in flight at once, one level after another (BENCH_CHECKOUT_CONCURRENCY, default 1,10,50,200). */
  concurrencies: number[];
  /** Measured seconds per level (BENCH_CHECKOUT_SECONDS, default 20), after a warm-up (BENCH_CHECKOUT_WARMUP_SECONDS, default 5). */
  seconds: number;
  warmupSeconds: number;
  /** An order still not confirmed or cancelled this long after its level ended counts as lost (default 60 s). */
  lostAfterMs: number;
}

export function checkoutBenchConfig(env: NodeJS.ProcessEnv = process.env): CheckoutBenchConfig {
  const brokers = benchKafkaBrokers(env);
  const levels = (env.BENCH_CHECKOUT_CONCURRENCY ?? '1,10,50,200').split(',').map((part) => positive({ level: part.trim() }, 'level', 0));
  return {
    databaseUrl: benchDatabaseUrl(env, 'the checkout benchmark'),
    kafkaBrokers: brokers.length > 0 ? brokers : undefined,
    products: positive(env, 'BENCH_CHECKOUT_PRODUCTS', 500),
    concurrencies: levels,
    seconds: positive(env, 'BENCH_CHECKOUT_SECONDS', 20),
    warmupSeconds: positive(env, 'BENCH_CHECKOUT_WARMUP_SECONDS', 5),
    lostAfterMs: positive(env, 'BENCH_CHECKOUT_LOST_AFTER_MS', 60_000),
  };
}
