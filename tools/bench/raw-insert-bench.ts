import { Pool } from 'pg';
import type { Measurement } from './measurement';
import { type AppendWorkload, runAppendWorkload } from './append-workload';

/**
 * The baseline: the same rows the event store writes (stream, revision, id, type, data, metadata, a
 * global sequence, the writing transaction and the time), as one plain INSERT per append (multi-row for
 * a batch), with no revision check, no idempotency and no notification. What the hardware and
 * PostgreSQL allow for these rows; the event store's figure is read as a fraction of it.
 */
export async function benchRawInserts(databaseUrl: string, workload: AppendWorkload): Promise<Measurement> {
  const pool = new Pool({ connectionString: databaseUrl, max: workload.concurrency + 1 });
  const table = `bench_raw_${workload.label}.events`;
  await pool.query(`CREATE SCHEMA bench_raw_${workload.label}`);
  await pool.query(`CREATE TABLE ${table} (
    global_position bigserial PRIMARY KEY, stream_id text NOT NULL, revision bigint NOT NULL, event_id uuid NOT NULL,
    type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(), recorded_at timestamptz NOT NULL DEFAULT now())`);
  try {
    return await runAppendWorkload('raw INSERT', workload, async (stream, events, expectedRevision) => {
      const first = expectedRevision === 'no_stream' ? 0 : Number(expectedRevision) + 1;
      const values = events.map((_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`);
      const params = events.flatMap((event, i) => [stream, first + i, event.id, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata ?? {})]);
      await pool.query(`INSERT INTO ${table} (stream_id, revision, event_id, type, data, metadata) VALUES ${values.join(', ')}`, params);
      return first + events.length - 1;
    });
  } finally {
    await pool.end();
  }
}
