/**
 * What an integration test may use. The jest global setup (./jest/global-setup.ts) resolves it once per
 * run — environment variables first, then testcontainers when a Docker engine answers, then the infra/
 * scripts — and publishes it through the TEST_* variables read here.
 */
export interface TestInfrastructure {
  /** Admin connection to a real PostgreSQL server; a test creates its own database from it. */
  postgresUrl?: string;
  /** Admin connection to a PostgreSQL server that has the pgvector extension (search's HNSW index). */
  pgvectorUrl?: string;
  kafkaBrokers?: string[];
  kurrentdbUrl?: string;
  stripeApiBase?: string;
  /** A real Redis (the gateway's shared rate-limit counters). */
  redisUrl?: string;
}

export function testInfrastructure(env: NodeJS.ProcessEnv = process.env): TestInfrastructure {
  const brokers = env.TEST_KAFKA_BROKERS ?? env.KAFKA_BROKERS;
  return {
    postgresUrl: env.TEST_DATABASE_URL ?? env.DATABASE_URL,
    pgvectorUrl: env.TEST_PGVECTOR_DATABASE_URL ?? env.PGVECTOR_DATABASE_URL,
    kafkaBrokers: brokers ? brokers.split(',').map((b) => b.trim()).filter(Boolean) : undefined,
    kurrentdbUrl: env.TEST_KURRENTDB_URL ?? env.KURRENTDB_URL,
    stripeApiBase: env.TEST_STRIPE_API_BASE ?? env.STRIPE_API_BASE,
    redisUrl: env.TEST_REDIS_URL ?? env.REDIS_URL,
  };
}
