import { randomBytes } from 'node:crypto';
import type { CloudEvent } from '@marketplace/contracts';
import { createMessageBus, type BusLogger, type MessageBus, type MessageBusOptions } from '../src';
import { createTestDatabase, testInfrastructure, type BackendCase } from '@marketplace/testing';

/** One isolated world on a backend: its own database, and on Kafka its own topic and group names. */
export interface BusTestContext {
  readonly backend: 'embedded' | 'kafka';
  /** A fresh database: the embedded bus's log, and for anyone's inbox/outbox tables on either backend. */
  readonly databaseUrl: string;
  /** A new bus client, as a separate process would have; closed by dispose(). */
  bus(clientId?: string): MessageBus;
  /** A topic or group name unique to this context (Kafka keeps topics between tests). */
  name(base: string): string;
  dispose(): Promise<void>;
}

export interface BusBackend {
  createContext(): Promise<BusTestContext>;
}

// Short timings so joins, rebalances, takeovers and redeliveries settle in well under a second or two.
const FAST: Pick<MessageBusOptions, 'redelivery' | 'kafka' | 'embedded'> = {
  redelivery: { initialDelayMs: 50, maxDelayMs: 500 },
  embedded: { heartbeatMs: 100, leaseMs: 2_000, pollMs: 250 },
  kafka: { sessionTimeoutMs: 6_000, rebalanceTimeoutMs: 5_000, heartbeatIntervalMs: 300, maxWaitTimeMs: 100, replicationFactor: 1 },
};

/** Kafka logs expected errors during every rebalance; show them only when asked (BUS_TEST_LOG=1). */
const testLogger: BusLogger = (level, message, fields) => {
  if (process.env.BUS_TEST_LOG) process.stderr.write(`${level} ${message} ${JSON.stringify(fields ?? {})}\n`);
};

/** The message bus backends every messaging contract suite runs against: embedded always, Kafka when reachable. */
export function messageBusBackends(): BackendCase<BusBackend>[] {
  const infra = testInfrastructure();
  return [
    {
      name: 'embedded',
      resolve: () => (infra.postgresUrl ? { createContext: () => createContext('embedded', {}) } : { skip: 'no PostgreSQL (TEST_DATABASE_URL not set)' }),
    },
    {
      name: 'kafka',
      resolve: () => {
        if (!infra.kafkaBrokers?.length) return { skip: 'no Kafka broker (TEST_KAFKA_BROKERS not set)' };
        if (!infra.postgresUrl) return { skip: 'no PostgreSQL (TEST_DATABASE_URL not set)' };
        const kafkaBrokers = infra.kafkaBrokers;
        return { createContext: () => createContext('kafka', { kafkaBrokers }) };
      },
    },
  ];
}

async function createContext(backend: 'embedded' | 'kafka', target: Pick<MessageBusOptions, 'kafkaBrokers'>): Promise<BusTestContext> {
  const database = await createTestDatabase(`bus_${backend}`);
  const suffix = randomBytes(4).toString('hex');
  const buses: MessageBus[] = [];
  return {
    backend,
    databaseUrl: database.url,
    bus: (clientId = 'bus-test') => {
      const bus = createMessageBus({ clientId, databaseUrl: database.url, logger: testLogger, ...FAST, ...target });
      buses.push(bus);
      return bus;
    },
    name: (base) => `${base}.${suffix}`,
    dispose: async () => {
      await Promise.all(buses.map((bus) => bus.close()));
      await database.drop();
    },
  };
}

/** A CloudEvent for bus tests: the bus itself does not look at `data`. */
export function testEvent(subject: string, seq: number, data: Record<string, unknown> = {}): CloudEvent {
  return {
    id: `${subject}-${seq}`,
    source: 'bus-contract-test',
    type: 'marketplace.test.Happened.v1',
    specversion: '1.0',
    time: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString(),
    subject,
    datacontenttype: 'application/json',
    data: { seq, ...data },
  };
}

/** Polls `check` until it passes (returns without throwing) or `timeoutMs` runs out, then rethrows its last error. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 30_000, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
