import { startKafkaContainer, startPgvectorContainer, startPostgresContainer, startStripeMockContainer } from './containers';
import { dockerAnswers } from './docker-probe';
import { rememberBackends } from './global-state';
import { InfraScript } from './infra-script';
import { resolveBackend, type BackendSource, type ResolvedBackend } from './resolve-backend';

const SOURCES: BackendSource[] = [
  {
    name: 'postgres',
    variable: 'TEST_DATABASE_URL',
    envVariables: ['TEST_DATABASE_URL', 'DATABASE_URL'],
    container: startPostgresContainer,
    script: new InfraScript('postgres'),
  },
  {
    name: 'pgvector',
    variable: 'TEST_PGVECTOR_DATABASE_URL',
    envVariables: ['TEST_PGVECTOR_DATABASE_URL', 'PGVECTOR_DATABASE_URL'],
    container: startPgvectorContainer,
    script: new InfraScript('pgvector'),
  },
  {
    name: 'kafka',
    variable: 'TEST_KAFKA_BROKERS',
    envVariables: ['TEST_KAFKA_BROKERS', 'KAFKA_BROKERS'],
    container: startKafkaContainer,
    script: new InfraScript('kafka'),
  },
  {
    name: 'stripe-mock',
    variable: 'TEST_STRIPE_API_BASE',
    envVariables: ['TEST_STRIPE_API_BASE', 'STRIPE_API_BASE'],
    container: startStripeMockContainer,
    script: new InfraScript('stripe-mock'),
  },
  // Docker-less machines get Redis from infra/redis.sh (Debian's redis-server).
  { name: 'redis', variable: 'TEST_REDIS_URL', envVariables: ['TEST_REDIS_URL', 'REDIS_URL'], script: new InfraScript('redis') },
  // SeaweedFS's S3 API (infra/seaweedfs.sh builds it with Go); the credentials come with the endpoint.
  {
    name: 'seaweedfs',
    variable: 'TEST_S3_ENDPOINT',
    envVariables: ['TEST_S3_ENDPOINT', 'S3_ENDPOINT'],
    companions: ['TEST_S3_BUCKET', 'TEST_S3_REGION', 'TEST_S3_ACCESS_KEY_ID', 'TEST_S3_SECRET_ACCESS_KEY'],
    script: new InfraScript('seaweedfs'),
  },
  // No KurrentDB server can run without Docker here: it is used only when its URL is given.
  { name: 'kurrentdb', variable: 'TEST_KURRENTDB_URL', envVariables: ['TEST_KURRENTDB_URL', 'KURRENTDB_URL'] },
];

/**
 * Resolves the integration tests' infrastructure once per run and publishes it as TEST_* variables,
 * which the test workers inherit. A backend that cannot be had is left unset, never fails the run.
 */
export default async function globalSetup(): Promise<void> {
  const docker = await dockerAnswers();
  const backends = await Promise.all(SOURCES.map((source) => resolveBackend(source, process.env, docker)));
  rememberBackends(backends);
  process.stdout.write(`\n[infrastructure] docker: ${docker ? 'answers' : 'not available'}\n`);
  for (const backend of backends) {
    if (backend.value) process.env[backend.variable] = backend.value;
    for (const [name, value] of Object.entries(backend.companions ?? {})) if (value) process.env[name] = value;
    process.stdout.write(`[infrastructure] ${summary(backend)}\n`);
  }
}

function summary(backend: ResolvedBackend): string {
  if (!backend.value) return `${backend.name}: ${backend.origin}; its suites are skipped`;
  return `${backend.name}: ${redact(backend.value)} via ${backend.origin}`;
}

function redact(value: string): string {
  return value.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}
