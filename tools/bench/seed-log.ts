import { Pool } from 'pg';
import { PostgresEventStore } from '@marketplace/event-store';

/** The schema holding the large log that the read benchmarks go through. */
export const LOG_SCHEMA = 'bench_log';

const SEED_CHUNK = 100_000;

/**
 * Fills a store with `events` order events over `streams` streams, in chunks of one transaction each.
 * This is set-up, not a measurement: it writes straight into the store's tables with generate_series,
 * exactly the rows appends would leave (revisions contiguous per stream, one stream row each).
 */
export async function seedLog(databaseUrl: string, events: number, streams: number): Promise<number> {
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const store = new PostgresEventStore({ pool, schema: LOG_SCHEMA });
  await store.migrate();
  const started = Date.now();
  for (let from = 0; from < events; from += SEED_CHUNK) {
    const to = Math.min(events, from + SEED_CHUNK) - 1;
    await pool.query(
      `INSERT INTO "${LOG_SCHEMA}".events (stream_id, revision, event_id, type, data, metadata)
       SELECT 'order-' || (g % $3), g / $3, gen_random_uuid(),
              CASE WHEN g / $3 = 0 THEN 'marketplace.orders.OrderPlaced.v1' ELSE 'marketplace.orders.OrderLineAdded.v1' END,
              jsonb_build_object('orderId', 'order-' || (g % $3), 'quantity', 1 + g % 3,
                                 'unitPrice', jsonb_build_object('amountMinor', 100 + g % 9900, 'currency', 'EUR')),
              jsonb_build_object('correlationId', gen_random_uuid())
         FROM generate_series($1::bigint, $2::bigint) AS g
        ORDER BY g`,
      [from, to, streams],
    );
  }
  await pool.query(
    `INSERT INTO "${LOG_SCHEMA}".streams (stream_id, revision)
     SELECT stream_id, max(revision) FROM "${LOG_SCHEMA}".events GROUP BY stream_id`,
  );
  await pool.query(`ANALYZE "${LOG_SCHEMA}".events`);
  await store.close();
  await pool.end();
  return (Date.now() - started) / 1000;
}
