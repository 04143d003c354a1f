import knexFactory, { type Knex } from 'knex';
import { Registry } from 'prom-client';
import { comparePositions, PostgresEventStore, type Position } from '@marketplace/event-store';
import { ProjectionEngine, type ProjectionDefinition, type ProjectionEngineOptions } from '../src';
import { uniqueName, waitFor } from '@marketplace/testing';

/** One service's worth of infrastructure on a test database: its schema, event store and knex pool. */
export interface ServiceUnderTest {
  schema: string;
  knex: Knex;
  store: PostgresEventStore;
  engine(projections: ProjectionDefinition[], options?: Partial<ProjectionEngineOptions>): Promise<ProjectionEngine>;
  close(): Promise<void>;
}

export async function serviceUnderTest(databaseUrl: string): Promise<ServiceUnderTest> {
  const schema = uniqueName('svc', '_');
  const knex = knexFactory({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 12 } });
  const store = new PostgresEventStore({ connectionString: databaseUrl, schema, subscription: { pollIntervalMs: 100 } });
  await store.migrate();
  const engines: ProjectionEngine[] = [];
  return {
    schema,
    knex,
    store,
    async engine(projections, options = {}) {
      const engine = new ProjectionEngine({
        knex,
        eventStore: store,
        schema,
        projections,
        registry: new Registry(),
        rebuildBatchSize: 200,
        lockRetryMs: 100,
        retry: { initialMs: 20, maxMs: 200 },
        ...options,
      });
      await engine.migrate();
      engines.push(engine);
      return engine;
    },
    async close() {
      await Promise.all(engines.map((engine) => engine.stop()));
      await store.close();
      await knex.destroy();
    },
  };
}

/**
 * Waits until the named projection is running and has applied everything up to `position` (the last
 * append the test made). Waiting for "lag 0" alone is not enough: the global log shows an append only
 * once every older transaction on the server has ended, so the head can lag the test's own appends.
 */
export async function caughtUp(engine: ProjectionEngine, name: string, position: Position, timeoutMs = 30_000): Promise<void> {
  await waitFor(
    async () => {
      const [{ state, checkpoint }] = await engine.status([name]);
      return state === 'running' && checkpoint !== undefined && comparePositions(checkpoint, position) >= 0;
    },
    { timeoutMs, description: `projection ${name} to reach ${position.commit}/${position.prepare}` },
  );
}

export async function rows<T>(knex: Knex, table: string, orderBy: string): Promise<T[]> {
  const { rows: result } = await knex.raw<{ rows: T[] }>(`SELECT * FROM ${table} ORDER BY ${orderBy}`);
  return result;
}
