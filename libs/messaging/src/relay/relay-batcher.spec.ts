import { RelayBatcher } from './relay-batcher';

describe('RelayBatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function batcher(flush: (batch: number[]) => Promise<void> = async () => undefined) {
    const batches: number[][] = [];
    const failures: unknown[] = [];
    const b = new RelayBatcher<number>({
      size: 3,
      lingerMs: 20,
      flush: async (batch) => {
        batches.push(batch);
        await flush(batch);
      },
      onFailure: (error) => failures.push(error),
    });
    return { b, batches, failures };
  }

  it('flushes a full batch before the item that filled it is accepted', async () => {
    const { b, batches } = batcher();
    await b.add(1);
    await b.add(2);
    expect(batches).toEqual([]);
    await b.add(3);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('flushes a partial batch after the linger time', async () => {
    const { b, batches } = batcher();
    await b.add(1);
    await b.add(2);
    await jest.advanceTimersByTimeAsync(19);
    expect(batches).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([[1, 2]]);
  });

  it('keeps batches in order and one at a time', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { b, batches } = batcher((batch) => (batch[0] === 1 ? gate : Promise.resolve()));
    await b.add(1);
    const flushingFirst = b.flush();
    await b.add(2);
    const flushingSecond = b.flush();
    await Promise.resolve();
    expect(batches).toEqual([[1]]);
    release();
    await Promise.all([flushingFirst, flushingSecond]);
    expect(batches).toEqual([[1], [2]]);
  });

  it('reports the first failure once and refuses later items with it', async () => {
    const boom = new Error('broker down');
    const { b, failures } = batcher(() => Promise.reject(boom));
    await b.add(1);
    await jest.advanceTimersByTimeAsync(20);
    expect(failures).toEqual([boom]);
    expect(b.error).toEqual({ error: boom });
    await expect(b.add(2)).rejects.toBe(boom);
    await expect(b.flush()).rejects.toBe(boom);
    expect(failures).toEqual([boom]);
  });
});
