import { benchDatabaseUrl, positive, benchKafkaBrokers } from './bench-config';

/** Sizes of `npm run bench:search`; each can be changed from the environment. */
export interface SearchBenchConfig {
  databaseUrl: string;
  /** A PostgreSQL with pgvector (TEST_PGVECTOR_DATABASE_URL, else PGVECTOR_DATABASE_URL): the batch run is repeated there. */
  pgvectorUrl?: string;
  kafkaBrokers?: string[];
  /** Products in the catalog (BENCH_SEARCH_PRODUCTS, default 10,000). */
  products: number;
  /** Products in the catalog of the one-message-at-a-time ingestion run (BENCH_SEARCH_BASELINE_PRODUCTS, default 1,000; 0 skips it). */
  baselineProducts: number;
  /** Measured searches, one at a time over the query mix (BENCH_SEARCH_QUERIES, default 2,000). */
  queries: number;
  /** Product updates whose visibility is timed (BENCH_SEARCH_UPDATES, default 100). */
  updates: number;
}

export function searchBenchConfig(env: NodeJS.ProcessEnv = process.env): SearchBenchConfig {
  const databaseUrl = benchDatabaseUrl(env, 'the search benchmark');
  const brokers = benchKafkaBrokers(env);
  return {
    databaseUrl,
    pgvectorUrl: env.TEST_PGVECTOR_DATABASE_URL ?? env.PGVECTOR_DATABASE_URL,
    kafkaBrokers: brokers.length > 0 ? brokers : undefined,
    products: positive(env, 'BENCH_SEARCH_PRODUCTS', 10_000),
    baselineProducts: env.BENCH_SEARCH_BASELINE_PRODUCTS === '0' ? 0 : positive(env, 'BENCH_SEARCH_BASELINE_PRODUCTS', 1_000),
    queries: positive(env, 'BENCH_SEARCH_QUERIES', 2_000),
    updates: positive(env, 'BENCH_SEARCH_UPDATES', 100),
  };
}
