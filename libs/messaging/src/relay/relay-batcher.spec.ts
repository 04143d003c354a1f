import { RelayBatcher } from './relay-batcher';

/** A flush that stays in flight until released, so a test decides when the broker acknowledges. */
function gatedFlushes() {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const flush = (batch: number[]) => {
    batches.push(batch);
    return new Promise<void>((resolve) => gates.push(resolve));
  };
  const acknowledge = async () => {
    gates.shift()?.();
    await jest.advanceTimersByTimeAsync(0);
  };
  return { batches, flush, acknowledge };
}

describe('RelayBatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function batcher(flush: (batch: number[]) => Promise<void>, { maxItems = 3, maxBytes = 1_000, lingerMs = 20 } = {}) {
    const failures: unknown[] = [];
    const b = new RelayBatcher<number>({ maxItems, maxBytes, bytesOf: (n) => n, lingerMs, flush, onFailure: (error) => failures.push(error) });
    return { b, failures };
  }

  it('sends a full batch at once, and a partial one after the linger time', async () => {
    const { batches, flush, acknowledge } = gatedFlushes();
    const { b } = batcher(flush);
    for (const n of [1, 2, 3]) await b.add(n);
    expect(batches).toEqual([[1, 2, 3]]);
    await acknowledge();
    await b.add(4);
    await jest.advanceTimersByTimeAsync(19);
    expect(batches).toEqual([[1, 2, 3]]);
    await jest.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('fills the next batch while one is in flight, and sends it as soon as the first is acknowledged, in order', async () => {
    const { batches, flush, acknowledge } = gatedFlushes();
    const { b } = batcher(flush, { lingerMs: 60_000 });
    for (const n of [1, 2, 3, 4, 5]) await b.add(n);
    expect(batches).toEqual([[1, 2, 3]]);
    await acknowledge();
    expect(batches).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('makes the adder wait while the next batch is full and one is in flight', async () => {
    const { batches, flush, acknowledge } = gatedFlushes();
    const { b } = batcher(flush);
    for (const n of [1, 2, 3, 4, 5]) await b.add(n);
    let added = false;
    void b.add(6).then(() => (added = true));
    await jest.advanceTimersByTimeAsync(1_000);
    expect(added).toBe(false);
    await acknowledge();
    expect(added).toBe(true);
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('cuts batches at the byte bound, and sends an item larger than it alone', async () => {
    const { batches, flush, acknowledge } = gatedFlushes();
    const { b } = batcher(flush, { maxItems: 10, maxBytes: 100 });
    for (const n of [60, 30, 20]) await b.add(n);
    expect(batches).toEqual([[60, 30]]);
    const adding = b.add(150);
    await acknowledge();
    await adding;
    await acknowledge();
    await acknowledge();
    await b.add(5);
    await jest.advanceTimersByTimeAsync(20);
    expect(batches).toEqual([[60, 30], [20], [150], [5]]);
  });

  it('flush() sends everything buffered and resolves once all of it is acknowledged', async () => {
    const { batches, flush, acknowledge } = gatedFlushes();
    const { b } = batcher(flush);
    for (const n of [1, 2, 3, 4]) await b.add(n);
    let flushed = false;
    void b.flush().then(() => (flushed = true));
    await acknowledge();
    expect(flushed).toBe(false);
    await acknowledge();
    expect(flushed).toBe(true);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('settled() waits for the batch in flight', async () => {
    const { flush, acknowledge } = gatedFlushes();
    const { b } = batcher(flush);
    for (const n of [1, 2, 3]) await b.add(n);
    let settled = false;
    void b.settled().then(() => (settled = true));
    await jest.advanceTimersByTimeAsync(1_000);
    expect(settled).toBe(false);
    await acknowledge();
    expect(settled).toBe(true);
  });

  it('reports the first failure once, releases a waiting adder with it, and refuses later items', async () => {
    const boom = new Error('broker down');
    let fail: (error: unknown) => void = () => undefined;
    const { b, failures } = batcher(() => new Promise<void>((_, reject) => (fail = reject)));
    for (const n of [1, 2, 3, 4, 5]) await b.add(n);
    const waiting = b.add(6);
    fail(boom);
    await expect(waiting).rejects.toBe(boom);
    expect(failures).toEqual([boom]);
    expect(b.error).toEqual({ error: boom });
    await expect(b.add(7)).rejects.toBe(boom);
    await expect(b.flush()).rejects.toBe(boom);
    expect(failures).toEqual([boom]);
  });
});
