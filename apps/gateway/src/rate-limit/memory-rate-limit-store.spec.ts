import { MemoryRateLimitStore } from './memory-rate-limit-store';

describe('MemoryRateLimitStore', () => {
  it('counts hits per key within a fixed window and starts a new window once it ends', async () => {
    let now = 1_000;
    const store = new MemoryRateLimitStore(() => now);
    expect(await store.hit('a', 100)).toEqual({ count: 1, resetInMs: 100 });
    now += 40;
    expect(await store.hit('a', 100)).toEqual({ count: 2, resetInMs: 60 });
    expect(await store.hit('b', 100)).toEqual({ count: 1, resetInMs: 100 });
    now += 60;
    expect(await store.hit('a', 100)).toEqual({ count: 1, resetInMs: 100 });
  });
});
