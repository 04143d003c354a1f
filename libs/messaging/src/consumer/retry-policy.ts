/** How a failing handler is retried before its message goes to the dead-letter topic. */
export interface RetryPolicy {
  /** Handler attempts in all, the first included (1 = no retry). */
  maxAttempts: number;
  /** Delay after the first failure; each later delay is `multiplier` times the previous one. */
  initialDelayMs: number;
  multiplier: number;
  maxDelayMs: number;
  /** 0..1: each delay is drawn uniformly from [d * (1 - jitter), d], so redeliveries of a burst spread out. */
  jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 100,
  multiplier: 2,
  maxDelayMs: 5_000,
  jitter: 0.5,
};

export class InvalidRetryPolicyError extends Error {
  override readonly name = 'InvalidRetryPolicyError';
}

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  const problems = [
    !(Number.isInteger(policy.maxAttempts) && policy.maxAttempts >= 1) && 'maxAttempts must be an integer >= 1',
    !(policy.initialDelayMs >= 0) && 'initialDelayMs must be >= 0',
    !(policy.multiplier >= 1) && 'multiplier must be >= 1',
    !(policy.maxDelayMs >= policy.initialDelayMs) && 'maxDelayMs must be >= initialDelayMs',
    !(policy.jitter >= 0 && policy.jitter <= 1) && 'jitter must be within 0..1',
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) throw new InvalidRetryPolicyError(`Invalid retry policy: ${problems.join('; ')}`);
  return policy;
}

/**
 * Delay before the attempt that follows failed attempt number `failedAttempt` (1-based).
 * `random` is a draw from [0, 1), passed in so that the schedule is reproducible in tests.
 */
export function backoffDelay(policy: RetryPolicy, failedAttempt: number, random: number): number {
  const exponential = policy.initialDelayMs * policy.multiplier ** (failedAttempt - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  return Math.round(capped * (1 - policy.jitter * random));
}
