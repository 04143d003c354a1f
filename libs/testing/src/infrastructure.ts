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
  /** An S3-compatible object store (SeaweedFS from infra/seaweedfs.sh, or any S3_ENDPOINT given). */
  s3?: S3Infrastructure;
}

export interface S3Infrastructure {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export function testInfrastructure(env: NodeJS.ProcessEnv = process.env): TestInfrastructure {
  const brokers = env.TEST_KAFKA_BROKERS ?? env.KAFKA_BROKERS;
  const s3Endpoint = env.TEST_S3_ENDPOINT ?? env.S3_ENDPOINT;
  const s3AccessKeyId = env.TEST_S3_ACCESS_KEY_ID ?? env.S3_ACCESS_KEY_ID;
  const s3SecretAccessKey = env.TEST_S3_SECRET_ACCESS_KEY ?? env.S3_SECRET_ACCESS_KEY;
  return {
    postgresUrl: env.TEST_DATABASE_URL ?? env.DATABASE_URL,
    pgvectorUrl: env.TEST_PGVECTOR_DATABASE_URL ?? env.PGVECTOR_DATABASE_URL,
    kafkaBrokers: brokers ? brokers.split(',').map((b) => b.trim()).filter(Boolean) : undefined,
    kurrentdbUrl: env.TEST_KURRENTDB_URL ?? env.KURRENTDB_URL,
    stripeApiBase: env.TEST_STRIPE_API_BASE ?? env.STRIPE_API_BASE,
    redisUrl: env.TEST_REDIS_URL ?? env.REDIS_URL,
    s3:
      s3Endpoint && s3AccessKeyId && s3SecretAccessKey
        ? { endpoint: s3Endpoint, region: env.TEST_S3_REGION ?? env.S3_REGION ?? 'us-east-1', accessKeyId: s3AccessKeyId, secretAccessKey: s3SecretAccessKey }
        : undefined,
  };
}
