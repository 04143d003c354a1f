import { backoffDelay, DEFAULT_RETRY_POLICY, InvalidRetryPolicyError, retryPolicy } from './retry-policy';

describe('retry policy', () => {
  const policy = retryPolicy({ initialDelayMs: 100, multiplier: 2, maxDelayMs: 1_000, jitter: 0.5 });

  it('grows the delay exponentially up to the cap when the jitter draw is 0', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(policy, attempt, 0))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('takes at most the jitter fraction off the delay', () => {
    expect(backoffDelay(policy, 3, 0.999_999)).toBe(200);
    expect(backoffDelay(policy, 3, 0.5)).toBe(300);
  });

  it('has no jitter when asked for none', () => {
    expect(backoffDelay(retryPolicy({ jitter: 0 }), 2, 0.9)).toBe(DEFAULT_RETRY_POLICY.initialDelayMs * DEFAULT_RETRY_POLICY.multiplier);
  });

  it('rejects a policy that cannot work, naming every problem', () => {
    expect(() => retryPolicy({ maxAttempts: 0, jitter: 2 })).toThrow(InvalidRetryPolicyError);
    expect(() => retryPolicy({ maxAttempts: 0, jitter: 2 })).toThrow(/maxAttempts must be an integer >= 1; jitter must be within 0..1/);
    expect(() => retryPolicy({ initialDelayMs: 500, maxDelayMs: 100 })).toThrow(/maxDelayMs/);
  });
});
