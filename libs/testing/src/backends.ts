import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type S3Infrastructure, testInfrastructure } from './infrastructure';

/** Read by tools/jest/summary-reporter.js, which lists every backend that ran or was skipped. */
const BACKENDS_FILE = join(__dirname, '..', '..', '..', '.data', 'test-backends.jsonl');

export type BackendStatus = 'ran' | 'skipped';

export function recordBackend(suite: string, backend: string, status: BackendStatus, reason?: string): void {
  mkdirSync(dirname(BACKENDS_FILE), { recursive: true });
  appendFileSync(BACKENDS_FILE, JSON.stringify({ suite, backend, status, reason }) + '\n');
}

export interface BackendCase<T> {
  name: string;
  /** The value the suite needs, or a reason why the backend is not reachable. */
  resolve: () => T | { skip: string };
}

/**
 * Runs one contract suite per backend: a reachable backend gets a `describe`, an unreachable one a
 * `describe.skip` whose name says why, and both are recorded for the run's summary.
 */
export function describeEachBackend<T>(suite: string, cases: BackendCase<T>[], body: (backend: () => T) => void): void {
  for (const c of cases) {
    const resolved = c.resolve();
    if (isSkip(resolved)) {
      recordBackend(suite, c.name, 'skipped', resolved.skip);
      describe.skip(`${suite} [${c.name}] (skipped: ${resolved.skip})`, () => body(() => resolved as T));
    } else {
      recordBackend(suite, c.name, 'ran');
      describe(`${suite} [${c.name}]`, () => body(() => resolved));
    }
  }
}

function isSkip(value: unknown): value is { skip: string } {
  return typeof value === 'object' && value !== null && 'skip' in value && Object.keys(value).length === 1;
}

/** A PostgreSQL server with pgvector, for a suite that needs it: skipped by name when there is none. */
export function pgvectorBackend(): BackendCase<string> {
  const infra = testInfrastructure();
  return { name: 'pgvector', resolve: () => infra.pgvectorUrl ?? { skip: 'no PostgreSQL with pgvector (TEST_PGVECTOR_DATABASE_URL not set)' } };
}

export interface ServiceBusBackend {
  /** Kafka's brokers, or undefined for the embedded bus. */
  kafkaBrokers?: string[];
}

/** The two buses a service can run on: embedded (needs PostgreSQL) and Kafka, each skipped by name when missing. */
export function serviceBusBackends(): BackendCase<ServiceBusBackend>[] {
  const infra = testInfrastructure();
  return [
    { name: 'embedded', resolve: () => (infra.postgresUrl ? { kafkaBrokers: undefined } : { skip: 'no PostgreSQL (TEST_DATABASE_URL not set)' }) },
    { name: 'kafka', resolve: () => (infra.kafkaBrokers ? { kafkaBrokers: infra.kafkaBrokers } : { skip: 'no Kafka (TEST_KAFKA_BROKERS not set)' }) },
  ];
}

/** An S3-compatible object store, for a suite that needs one: skipped by name when there is none. */
export function s3Backend(): BackendCase<S3Infrastructure> {
  const infra = testInfrastructure();
  return { name: 'seaweedfs', resolve: () => infra.s3 ?? { skip: 'no S3-compatible store (TEST_S3_ENDPOINT and its credentials not set)' } };
}
