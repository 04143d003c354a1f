import { setTimeout as wait } from 'node:timers/promises';

/** Waits `ms`, or less if `signal` aborts first; never throws. */
export async function delay(ms: number, signal?: AbortSignal): Promise<void> {
  await wait(ms, undefined, { signal }).catch(() => undefined);
}

/** Exponential backoff: `initialMs * 2^(attempt-1)`, capped at `maxMs`. */
export interface RetryPolicy {
  initialMs: number;
  maxMs: number;
}

export function backoffMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempt - 1));
}
