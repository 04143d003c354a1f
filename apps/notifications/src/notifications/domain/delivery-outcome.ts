import { backoffDelay, type RetryPolicy } from '@marketplace/messaging';
import type { AttemptEntry } from './delivery';

/** What a channel said about one attempt. A permanent failure (mailbox unknown, number invalid) is not retried. */
export type SendResult = { status: 'sent' } | { status: 'failed'; permanent: boolean; error: string };

/** Where a delivery goes after an attempt, and the line its record gets. */
export type NextStep =
  | { status: 'sent'; entry: AttemptEntry }
  | { status: 'pending'; retryAt: Date; entry: AttemptEntry }
  | { status: 'failed'; entry: AttemptEntry };

/**
 * After attempt number `attempt`: sent; or tried again after an exponential backoff with jitter
 * (the messaging retry policy's schedule); or failed when the error is permanent or the attempts are
 * used up. `random` is a draw from [0, 1), passed in so that schedules are reproducible.
 */
export function nextStep(result: SendResult, attempt: number, policy: RetryPolicy, now: Date, random: number): NextStep {
  const at = now.toISOString();
  if (result.status === 'sent') return { status: 'sent', entry: { attempt, at, outcome: 'sent' } };
  if (result.permanent || attempt >= policy.maxAttempts) {
    return { status: 'failed', entry: { attempt, at, outcome: 'failed', error: result.error } };
  }
  const retryAt = new Date(now.getTime() + backoffDelay(policy, attempt, random));
  return { status: 'pending', retryAt, entry: { attempt, at, outcome: 'retry', error: result.error, retryAt: retryAt.toISOString() } };
}
