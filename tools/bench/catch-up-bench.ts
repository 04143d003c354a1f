import { Pool } from 'pg';
import { PostgresEventStore } from '@marketplace/event-store';
import { elapsedSeconds, type Measurement } from './measurement';
import { LOG_SCHEMA } from './seed-log';

/** A subscription from the start of the seeded log until it has handed over every event, one at a time. */
export async function benchCatchUp(databaseUrl: string, events: number, batchSize: number): Promise<Measurement> {
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const store = new PostgresEventStore({ pool, schema: LOG_SCHEMA, subscription: { batchSize, pollIntervalMs: 50 } });
  let seen = 0;
  let caughtUp: () => void = () => undefined;
  const allSeen = new Promise<void>((resolve) => (caughtUp = resolve));

  const started = process.hrtime.bigint();
  const subscription = store.subscribeToAll({
    onEvent: async () => {
      if (++seen === events) caughtUp();
    },
  });
  await Promise.race([allSeen, subscription.done]);
  const seconds = elapsedSeconds(started);
  await subscription.stop();
  await store.close();
  await pool.end();
  if (seen < events) throw new Error(`Catch-up ended after ${seen} of ${events} events`);

  return { name: `global log catch-up (batch ${batchSize})`, rate: events / seconds, unit: 'events/s', eventsPerSecond: events / seconds, count: events, seconds };
}

/**
 * The baseline for catch-up: the same columns paged by a plain keyset SELECT on the same index, with no
 * horizon, no mapping to events and no subscription: what reading the log costs at the least.
 */
export async function benchRawKeysetRead(databaseUrl: string, events: number, batchSize: number): Promise<Measurement> {
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  let seen = 0;
  let after: [string, string] = ['0', '0'];
  const started = process.hrtime.bigint();
  try {
    for (;;) {
      // The text of the id under its own name: named transaction_id, ORDER BY would sort by the text.
      const { rows } = await pool.query<{ global_position: string; transaction_id_text: string }>(
        `SELECT stream_id, revision, event_id, type, data, metadata, global_position, transaction_id::text AS transaction_id_text, recorded_at
           FROM "${LOG_SCHEMA}".events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
          ORDER BY transaction_id, global_position LIMIT $3`,
        [...after, batchSize],
      );
      if (rows.length === 0) break;
      seen += rows.length;
      const last = rows[rows.length - 1];
      after = [last.transaction_id_text, last.global_position];
    }
  } finally {
    await pool.end();
  }
  const seconds = elapsedSeconds(started);
  if (seen < events) throw new Error(`The keyset read ended after ${seen} of ${events} events`);
  return { name: `raw keyset SELECT (batch ${batchSize})`, rate: seen / seconds, unit: 'events/s', eventsPerSecond: seen / seconds, count: seen, seconds };
}
