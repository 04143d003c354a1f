import { randomUUID } from 'node:crypto';
import { InMemoryEventStoreTestDouble, type EventStore } from '@marketplace/event-store';
import { waitFor } from '@marketplace/testing';
import { LiveRunner, type LiveRunnerOptions } from './live-runner';
import { InMemoryProjectionSink } from './testing/in-memory-projection-sink';

class FatalTestError extends Error {}

async function append(store: EventStore, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await store.appendToStream(`order-${i % 3}`, [{ id: randomUUID(), type: 'OrderNoted', data: { i } }], { expectedRevision: 'any' });
  }
}

function runner(store: EventStore, sink: InMemoryProjectionSink, overrides: Partial<LiveRunnerOptions> = {}): LiveRunner {
  return new LiveRunner({
    store,
    sink,
    batchSize: 4,
    catchUpBatchSize: 10,
    flushDelayMs: 5,
    retry: { initialMs: 1, maxMs: 5 },
    isFatal: (error) => error instanceof FatalTestError,
    ...overrides,
  });
}

async function allIds(store: EventStore): Promise<string[]> {
  return (await store.readAll()).map((event) => event.id);
}

describe('LiveRunner', () => {
  let store: InMemoryEventStoreTestDouble;
  let sink: InMemoryProjectionSink;

  beforeEach(() => {
    store = new InMemoryEventStoreTestDouble();
    sink = new InMemoryProjectionSink();
  });

  it('applies the events already in the log, then live ones, each once and in log order', async () => {
    await append(store, 12);
    const live = runner(store, sink);
    const running = live.run();
    await append(store, 7);
    await waitFor(() => sink.applied.length >= 19, { description: '19 events applied' });
    await live.stop();
    await running;

    expect(sink.applied.map((event) => event.id)).toEqual(await allIds(store));
    expect(sink.position).toEqual(await store.headPosition());
  });

  it('catches up in large batches, then writes live events in batches of at most batchSize', async () => {
    await append(store, 25);
    const live = runner(store, sink);
    const running = live.run();
    await waitFor(() => sink.applied.length === 25);
    expect(sink.writes).toEqual([10, 10, 5]);

    await append(store, 9);
    await waitFor(() => sink.applied.length === 34);
    await live.stop();
    await running;
    expect(sink.writes.slice(3).every((size) => size <= 4)).toBe(true);
  });

  it('after a failed write starts again from the stored checkpoint: nothing skipped, nothing applied twice', async () => {
    await append(store, 5);
    const reported: unknown[] = [];
    const live = runner(store, sink, { onError: (error) => reported.push(error) });
    const running = live.run();
    await waitFor(() => sink.applied.length === 5);

    sink.failNextWrites(3);
    await append(store, 6);
    await waitFor(() => reported.length === 3, { description: 'three failures to be reported' });
    await append(store, 6);
    await waitFor(() => sink.applied.length === 17, { description: 'all 17 events applied' });
    await live.stop();
    await running;

    expect(sink.applied.map((event) => event.id)).toEqual(await allIds(store));
    expect(live.lastError).toBeUndefined();
  });

  it('a failure during catch-up is retried the same way', async () => {
    await append(store, 30);
    sink.failNextWrites(1);
    const live = runner(store, sink);
    const running = live.run();
    await waitFor(() => sink.applied.length === 30);
    await live.stop();
    await running;

    expect(sink.applied.map((event) => event.id)).toEqual(await allIds(store));
  });

  it('a new runner on the same checkpoint resumes where the last one stopped', async () => {
    await append(store, 6);
    const first = runner(store, sink);
    const firstRun = first.run();
    await waitFor(() => sink.applied.length === 6);
    await first.stop();
    await firstRun;

    await append(store, 8);
    const second = runner(store, sink);
    const secondRun = second.run();
    await waitFor(() => sink.applied.length === 14);
    await second.stop();
    await secondRun;

    expect(sink.applied.map((event) => event.id)).toEqual(await allIds(store));
  });

  it('stop() writes the events already delivered but not yet flushed', async () => {
    const live = runner(store, sink, { batchSize: 100, flushDelayMs: 60_000 });
    const running = live.run();
    await append(store, 3);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sink.applied).toHaveLength(0);

    await live.stop();
    await running;
    expect(sink.applied.map((event) => event.id)).toEqual(await allIds(store));
  });

  it('ends with the error when it is fatal, without retrying', async () => {
    await append(store, 2);
    const fatal = new FatalTestError('tables taken over by a newer version');
    sink.failNextWrites(1, fatal);
    const live = runner(store, sink);

    await expect(live.run()).rejects.toBe(fatal);
    expect(sink.writes).toEqual([2]);
    expect(sink.applied).toHaveLength(0);
  });
});
