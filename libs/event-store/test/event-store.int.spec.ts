import { Client, Pool } from 'pg';
import { createTestDatabase, describeEachBackend, testInfrastructure, type TestDatabase } from '@marketplace/testing';
import { loadKurrentDBEventStore, PostgresEventStore } from '../src';
import { appendQuery, appendResultFromRows } from '../src/postgres/append-statement';
import { sqlNames } from '../src/postgres/sql-names';
import { type EventStoreContractFixture, eventStoreContract } from './event-store-contract';

type Backend = { kind: 'postgres'; adminUrl: string } | { kind: 'kurrentdb'; url: string };

const SCHEMA = 'contract_events';

jest.setTimeout(120_000);

describeEachBackend<Backend>(
  'event store contract',
  [
    {
      name: 'postgres',
      resolve: () => {
        const adminUrl = testInfrastructure().postgresUrl;
        return adminUrl ? { kind: 'postgres', adminUrl } : { skip: 'no PostgreSQL (TEST_DATABASE_URL)' };
      },
    },
    {
      name: 'kurrentdb',
      resolve: () => {
        const url = testInfrastructure().kurrentdbUrl;
        return url ? { kind: 'kurrentdb', url } : { skip: 'KURRENTDB_URL / TEST_KURRENTDB_URL not set' };
      },
    },
  ],
  (backend) => {
    let fixture: EventStoreContractFixture;
    let cleanUp: () => Promise<void>;

    beforeAll(async () => {
      const b = backend();
      ({ fixture, cleanUp } = b.kind === 'postgres' ? await postgresFixture() : await kurrentFixture(b.url));
    });
    afterAll(() => cleanUp?.());

    eventStoreContract(() => fixture);
  },
);

async function postgresFixture(): Promise<{ fixture: EventStoreContractFixture; cleanUp: () => Promise<void> }> {
  const database: TestDatabase = await createTestDatabase('event_store_contract');
  const pool = new Pool({ connectionString: database.url, max: 30 });
  const store = new PostgresEventStore({ pool, schema: SCHEMA, subscription: { batchSize: 16, pollIntervalMs: 200 } });
  await store.migrate();
  const names = sqlNames(SCHEMA);
  const held = new Set<Client>();
  return {
    fixture: {
      store,
      // The store's own append statement, run inside a transaction that the test commits later.
      holdAppend: async (stream, events, expectedRevision) => {
        const client = new Client({ connectionString: database.url });
        await client.connect();
        held.add(client);
        await client.query('BEGIN');
        const { rows } = await client.query(appendQuery(names, stream, events, expectedRevision));
        return {
          position: appendResultFromRows(rows).position,
          commit: async () => {
            await client.query('COMMIT');
            await client.end();
            held.delete(client);
          },
        };
      },
    },
    cleanUp: async () => {
      await Promise.all([...held].map((c) => c.end()));
      await store.close();
      await pool.end();
      await database.drop();
    },
  };
}

async function kurrentFixture(url: string): Promise<{ fixture: EventStoreContractFixture; cleanUp: () => Promise<void> }> {
  const store = new (await loadKurrentDBEventStore())({ connectionString: url });
  return { fixture: { store }, cleanUp: () => store.close() };
}
