import type { EventStore, Position } from '@marketplace/event-store';
import { EventStoreRelay, type Producer, RelayCheckpoints } from '@marketplace/messaging';
import { waitFor } from '@marketplace/testing';
import { Client } from 'pg';
import { elapsedSeconds, type Measurement } from './measurement';
import { ordersOnto } from './relay-workload';

export interface RelayRun {
  databaseUrl: string;
  schema: string;
  store: EventStore;
  producer: Producer;
  /** The checkpoint's name: a new one publishes the whole log again. */
  name: string;
  topic: string;
  events: number;
  /** The log's last position: the run ends when the checkpoint reaches it. */
  head: Position;
}

export const RELAY_SOURCE = 'marketplace/orders';

/** The relay with the options a service gives it, from relay start until its checkpoint is the log's head. */
export async function benchRelay(run: RelayRun): Promise<Measurement> {
  let sends = 0;
  const relay = new EventStoreRelay({
    name: run.name,
    databaseUrl: run.databaseUrl,
    schema: run.schema,
    store: run.store,
    producer: {
      send: (messages) => {
        sends += 1;
        return run.producer.send(messages);
      },
    },
    source: RELAY_SOURCE,
    map: ordersOnto(run.topic),
  });
  const checkpoints = new RelayCheckpoints(run.schema);
  const client = new Client({ connectionString: run.databaseUrl });
  await client.connect();
  try {
    const started = process.hrtime.bigint();
    relay.start();
    await waitFor(
      async () => {
        const at = await checkpoints.load(client, run.name);
        return at?.commit === run.head.commit && at.prepare === run.head.prepare;
      },
      { timeoutMs: 30 * 60_000, intervalMs: 5, description: 'the relay checkpoint at the head of the log' },
    );
    const seconds = elapsedSeconds(started);
    return { name: `event-store relay (${sends} sends, ${Math.round(run.events / sends)} per send)`, rate: run.events / seconds, unit: 'events/s', eventsPerSecond: run.events / seconds, count: run.events, seconds };
  } finally {
    await relay.stop();
    await client.end();
  }
}
