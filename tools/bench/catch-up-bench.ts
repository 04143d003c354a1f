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
