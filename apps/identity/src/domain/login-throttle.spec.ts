import { throttleDecision } from './login-throttle';

const now = new Date('2026-03-01T12:15:00.000Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const limit = { maxFailures: 5, windowMs: 15 * 60_000 };

describe('login throttle', () => {
  it('allows up to the limit minus one failure in the window', () => {
    expect(throttleDecision([1, 2, 3, 4].map(minutesAgo), limit, now)).toEqual({ blocked: false });
  });

  it('blocks at the limit until the oldest failure that counts leaves the window', () => {
    expect(throttleDecision([10, 8, 6, 4, 2].map(minutesAgo), limit, now)).toEqual({ blocked: true, retryAfterSeconds: 5 * 60 });
  });

  it('ignores failures older than the window', () => {
    expect(throttleDecision([20, 16, 3, 2, 1].map(minutesAgo), limit, now)).toEqual({ blocked: false });
  });

  it('with more failures than the limit, waits until only limit-1 remain', () => {
    expect(throttleDecision([14, 12, 10, 8, 6, 4].map(minutesAgo), limit, now)).toEqual({ blocked: true, retryAfterSeconds: 3 * 60 });
  });

  it('never asks to wait less than a second', () => {
    expect(throttleDecision([15 - 1 / 600, 1, 1, 1, 1].map(minutesAgo), limit, now)).toEqual({ blocked: true, retryAfterSeconds: 1 });
  });
});
