import { randomUUID } from 'node:crypto';
import { InMemoryEventStoreTestDouble, type RecordedEvent } from '@marketplace/event-store';
import { catchUp } from './catch-up';

describe('catchUp', () => {
  it('hands the log after the checkpoint over in batches and returns the last position', async () => {
    const store = new InMemoryEventStoreTestDouble();
    for (let i = 0; i < 23; i += 1) {
      await store.appendToStream('s', [{ id: randomUUID(), type: 'T', data: {} }], { expectedRevision: 'any' });
    }
    const all = await store.readAll();
    const batches: RecordedEvent[][] = [];

    const result = await catchUp(store, all[2].position, 10, async (events) => void batches.push([...events]));

    expect(batches.map((b) => b.length)).toEqual([10, 10]);
    expect(batches.flat().map((e) => e.id)).toEqual(all.slice(3).map((e) => e.id));
    expect(result).toEqual({ position: all[22].position, events: 20 });
  });

  it('returns the checkpoint unchanged when nothing follows it', async () => {
    const store = new InMemoryEventStoreTestDouble();
    const result = await catchUp(store, undefined, 10, async () => {
      throw new Error('nothing to write');
    });
    expect(result).toEqual({ position: undefined, events: 0 });
  });

  it('stops on the first failed write', async () => {
    const store = new InMemoryEventStoreTestDouble();
    for (let i = 0; i < 25; i += 1) await store.appendToStream('s', [{ id: randomUUID(), type: 'T', data: {} }], { expectedRevision: 'any' });
    const failure = new Error('disk full');
    let writes = 0;
    await expect(
      catchUp(store, undefined, 10, async () => {
        writes += 1;
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(writes).toBe(1);
  });
});
