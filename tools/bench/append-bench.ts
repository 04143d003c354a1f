import { Pool } from 'pg';
import { PostgresEventStore } from '@marketplace/event-store';
import type { Measurement } from './measurement';
import { type AppendWorkload, runAppendWorkload } from './append-workload';

/** The workload through the PostgreSQL event store, into an empty store of its own schema. */
export async function benchAppends(databaseUrl: string, workload: AppendWorkload): Promise<Measurement> {
  const pool = new Pool({ connectionString: databaseUrl, max: workload.concurrency + 1 });
  const store = new PostgresEventStore({ pool, schema: `bench_append_${workload.label}` });
  await store.migrate();
  try {
    return await runAppendWorkload('event store', workload, async (stream, events, expectedRevision) => {
      return (await store.appendToStream(stream, events, { expectedRevision })).nextExpectedRevision;
    });
  } finally {
    await store.close();
    await pool.end();
  }
}
