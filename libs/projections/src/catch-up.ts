import type { EventStore, Position, RecordedEvent } from '@marketplace/event-store';

/**
 * Reads the global log after `from` in batches of `batchSize` and hands each batch to `write`, reading
 * the next batch while the current one is written. Returns when a read comes back short (the log's
 * head at that moment), with the position of the last event handed over and how many there were.
 */
export async function catchUp(
  store: EventStore,
  from: Position | undefined,
  batchSize: number,
  write: (events: readonly RecordedEvent[]) => Promise<unknown>,
  signal?: AbortSignal,
): Promise<{ position: Position | undefined; events: number }> {
  let position = from;
  let events = 0;
  let next = readAhead(store, position, batchSize);
  for (;;) {
    const batch = await next;
    if (batch.length === 0) return { position, events };
    signal?.throwIfAborted();
    position = batch[batch.length - 1].position;
    const full = batch.length >= batchSize;
    if (full) next = readAhead(store, position, batchSize);
    await write(batch);
    events += batch.length;
    if (!full) return { position, events };
  }
}

function readAhead(store: EventStore, fromPosition: Position | undefined, maxCount: number): Promise<RecordedEvent[]> {
  const read = store.readAll({ fromPosition, maxCount });
  // Marked handled now: if the write of the current batch fails first, this read is never awaited.
  read.catch(() => undefined);
  return read;
}
