export interface WaitForOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** Pause between attempts (default 50 ms). */
  intervalMs?: number;
  /** Named in the timeout error, e.g. 'both consumer groups to see 100 events'. */
  description?: string;
}

export class WaitForTimeoutError extends Error {
  constructor(
    readonly description: string,
    readonly timeoutMs: number,
    readonly lastError?: unknown,
  ) {
    const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
    super(`Timed out after ${timeoutMs} ms waiting for ${description}${cause}`);
    this.name = 'WaitForTimeoutError';
  }
}

/**
 * Polls `predicate` until it returns a truthy value and resolves with that value. A predicate that
 * throws counts as "not yet"; the last error is kept for the timeout message. Integration tests use it
 * instead of fixed sleeps, which are either flaky or slow.
 */
export async function waitFor<T>(predicate: () => T | Promise<T>, options: WaitForOptions = {}): Promise<NonNullable<T>> {
  const { timeoutMs = 10_000, intervalMs = 50, description = 'the condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) throw new WaitForTimeoutError(description, timeoutMs, lastError);
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, Math.max(0, deadline - Date.now()))));
  }
}
