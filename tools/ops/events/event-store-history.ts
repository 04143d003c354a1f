import type { CloudEvent } from '@marketplace/contracts';
import { comparePositions, type EventStore, type Position, PostgresEventStore, type RecordedEvent } from '@marketplace/event-store';
import { type OutgoingMessage, publishByContract, publishedMessage, RelayCheckpoints } from '@marketplace/messaging';
import type { Pool } from 'pg';
import { HISTORY_PAGE, type HistorySource, tableExists } from './history-source';
import { matchesFilter } from './republish-filter';

/**
 * An event-sourced service's history: its event store up to its relay's checkpoint (what the relay has
 * published; later events are left to it, so no key gets an event ahead of an earlier one). Each event
 * becomes the relay's own message for it: the same function and the contracts' mapping.
 */
export function eventStoreHistory(service: string, streamPrefixes: readonly string[]): HistorySource {
  const map = publishByContract(service, streamPrefixes);
  const source = `marketplace/${service}`;
  return {
    service,
    async *messages(pool, filter) {
      if (!(await tableExists(pool, `${service}.events`)) || !(await tableExists(pool, `${service}.relay_checkpoints`))) return;
      const published = await relayCheckpoint(pool, service);
      if (!published) return;
      const store = new PostgresEventStore({ pool, schema: service });
      const pages = filter.stream === undefined ? globalLog(store, published) : [await store.readStream(filter.stream)];
      for await (const page of pages) {
        yield page.flatMap((recorded): OutgoingMessage[] => {
          const message = comparePositions(recorded.position, published) <= 0 ? publishedMessage(recorded, map, source) : undefined;
          return message && matchesFilter(filter, recorded.streamId, message.value as CloudEvent) ? [message] : [];
        });
      }
    },
  };
}

async function* globalLog(store: EventStore, until: Position): AsyncIterable<RecordedEvent[]> {
  for (let after: Position | undefined; ; ) {
    const page = await store.readAll({ fromPosition: after, maxCount: HISTORY_PAGE });
    if (page.length === 0 || comparePositions(page[0].position, until) > 0) return;
    after = page[page.length - 1].position;
    yield page;
  }
}

/** The relay is named after its service (its SERVICE_NAME, which is also its schema). */
async function relayCheckpoint(pool: Pool, service: string): Promise<Position | undefined> {
  const client = await pool.connect();
  try {
    return await new RelayCheckpoints(service).load(client, service);
  } finally {
    client.release();
  }
}
