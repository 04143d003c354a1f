import { waitFor, WaitForTimeoutError } from './wait-for';

describe('waitFor', () => {
  it('resolves with the first truthy value', async () => {
    let calls = 0;
    const value = await waitFor(() => (++calls >= 3 ? { calls } : undefined), { intervalMs: 1 });
    expect(value).toEqual({ calls: 3 });
  });

  it('awaits async predicates and treats a throw as not yet', async () => {
    let calls = 0;
    const value = await waitFor(
      async () => {
        calls += 1;
        if (calls < 2) throw new Error('not ready');
        return 'ready';
      },
      { intervalMs: 1 },
    );
    expect(value).toBe('ready');
    expect(calls).toBe(2);
  });

  it('fails with a typed error naming what it waited for and the last error', async () => {
    const wait = waitFor(
      () => {
        throw new Error('connection refused');
      },
      { timeoutMs: 30, intervalMs: 5, description: 'the broker' },
    );
    await expect(wait).rejects.toBeInstanceOf(WaitForTimeoutError);
    await expect(wait).rejects.toThrow('Timed out after 30 ms waiting for the broker; last error: connection refused');
  });

  it('does not wait past its deadline', async () => {
    const started = Date.now();
    await expect(waitFor(() => false, { timeoutMs: 50, intervalMs: 1_000 })).rejects.toThrow(WaitForTimeoutError);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
