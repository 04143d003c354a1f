import { decideRate, type RateRule, windowStartOf } from './rate-window';

const rule: RateRule = { limit: 3, windowMs: 60_000 };
/** `ms` into a window that starts on a whole minute. */
const at = (ms: number) => new Date(Date.UTC(2026, 0, 2, 10, 0, 0) + ms);

describe('sliding-window rate limit', () => {
  it('given a time, then its window starts on the window boundary before it', () => {
    expect(windowStartOf(at(59_999), rule)).toEqual(at(0));
    expect(windowStartOf(at(60_000), rule)).toEqual(at(60_000));
  });

  it('given room in the window, when one more comes, then it is allowed', () => {
    expect(decideRate(rule, { current: 2, previous: 0 }, at(10_000))).toEqual({ allowed: true });
  });

  it('given the window full, when one more comes, then it waits for the next window and the previous count to fade', () => {
    // In the next window the 3 just counted weigh 3 x (1 - e/60s): one more fits once that is <= 2, at e = 20 s.
    expect(decideRate(rule, { current: 3, previous: 0 }, at(45_000))).toEqual({ allowed: false, retryAfterMs: 15_000 + 20_000 });
  });

  it('given a full previous window, when one comes early, then it waits inside this window for the overlap to shrink', () => {
    // 3 x (60 - e)/60 + 0 + 1 <= 3 once e >= 20 s.
    expect(decideRate(rule, { current: 0, previous: 3 }, at(5_000))).toEqual({ allowed: false, retryAfterMs: 15_000 });
    expect(decideRate(rule, { current: 0, previous: 3 }, at(20_000))).toEqual({ allowed: true });
  });

  it('given a refusal, when the wait has passed, then exactly one more fits', () => {
    const counts = { current: 1, previous: 3 };
    const refusal = decideRate(rule, counts, at(1_000));
    if (refusal.allowed) throw new Error('expected a refusal');
    expect(decideRate(rule, counts, at(1_000 + refusal.retryAfterMs - 1)).allowed).toBe(false);
    expect(decideRate(rule, counts, at(1_000 + refusal.retryAfterMs)).allowed).toBe(true);
  });

  it('given a limit of one, when the window is used, then the next fits only once it has wholly slid past', () => {
    expect(decideRate({ limit: 1, windowMs: 60_000 }, { current: 1, previous: 0 }, at(30_000))).toEqual({ allowed: false, retryAfterMs: 30_000 + 60_000 });
  });
});
