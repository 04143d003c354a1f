import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { Pool } from 'pg';
import type { Measurement } from './measurement';
import { type AppendWorkload, runAppendWorkload } from './append-workload';

/**
 * The peer baseline: the same workload through Emmett's PostgreSQL event store, on the same server with
 * a pool of the same size, each append stating the exact version it expects. Emmett keeps one set of
 * tables per database, so each run's streams carry the run's name.
 */
export async function benchEmmettAppends(databaseUrl: string, workload: AppendWorkload): Promise<Measurement> {
  const pool = new Pool({ connectionString: databaseUrl, max: workload.concurrency + 1 });
  const store = getPostgreSQLEventStore(databaseUrl, { connectionOptions: { pool } });
  try {
    return await runAppendWorkload('Emmett', workload, async (stream, events, expectedRevision) => {
      // Emmett counts versions from 1 (the number of events in the stream); our revisions from 0.
      const expectedStreamVersion = expectedRevision === 'no_stream' ? STREAM_DOES_NOT_EXIST : BigInt(Number(expectedRevision) + 1);
      const result = await store.appendToStream(
        `${workload.label}-${stream}`,
        events.map((event) => ({ type: event.type, data: event.data as Record<string, unknown>, metadata: event.metadata })),
        { expectedStreamVersion },
      );
      return Number(result.nextExpectedStreamVersion) - 1;
    });
  } finally {
    await store.close();
    await pool.end().catch(() => undefined);
  }
}
