import { analyticsRange, bucketMs, bucketStart, bucketStarts, InvalidAnalyticsRangeError } from './analytics-range';

const now = new Date('2026-03-10T12:34:56.789Z');

describe('analytics range and buckets', () => {
  it('defaults to the 30 days up to now, by day', () => {
    expect(analyticsRange({}, now)).toEqual({ from: new Date('2026-02-08T12:34:56.789Z'), to: now, granularity: 'day' });
    expect(analyticsRange({ to: '2026-03-02T00:00:00Z' }, now).from).toEqual(new Date('2026-01-31T00:00:00Z'));
  });

  it('starts buckets at the UTC minute, hour and midnight', () => {
    expect(bucketStart(now, 'minute').toISOString()).toBe('2026-03-10T12:34:00.000Z');
    expect(bucketStart(now, 'hour').toISOString()).toBe('2026-03-10T12:00:00.000Z');
    expect(bucketStart(now, 'day').toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect([bucketMs('minute'), bucketMs('hour'), bucketMs('day')]).toEqual([60_000, 3_600_000, 86_400_000]);
  });

  it('lists every bucket that overlaps [from, to), the first and last partly', () => {
    const range = analyticsRange({ from: '2026-03-10T10:30:00Z', to: '2026-03-10T13:00:00Z', granularity: 'hour' }, now);
    expect(bucketStarts(range).map((start) => start.toISOString())).toEqual(['2026-03-10T10:00:00.000Z', '2026-03-10T11:00:00.000Z', '2026-03-10T12:00:00.000Z']);
    const days = analyticsRange({ from: '2026-03-01T23:59:00+02:00', to: '2026-03-03T00:00:01Z', granularity: 'day' }, now);
    expect(bucketStarts(days).map((start) => start.toISOString())).toEqual(['2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z']);
  });

  it('takes up to 1,440 buckets and refuses more', () => {
    const lastDay = { from: '2026-03-09T00:00:00Z', to: '2026-03-10T00:00:00Z', granularity: 'minute' as const };
    expect(bucketStarts(analyticsRange(lastDay, now))).toHaveLength(1440);
    expect(() => analyticsRange({ ...lastDay, to: '2026-03-10T00:00:01Z' }, now)).toThrow(InvalidAnalyticsRangeError);
    expect(() => analyticsRange({ granularity: 'minute' }, now)).toThrow(expect.objectContaining({ code: 'invalid_range', details: [expect.objectContaining({ field: 'granularity' })] }));
  });

  it('refuses a range that ends before it starts, or is empty', () => {
    expect(() => analyticsRange({ from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }, now)).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field: 'from' })] }));
    expect(() => analyticsRange({ from: '2026-03-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }, now)).toThrow(InvalidAnalyticsRangeError);
    expect(() => analyticsRange({ from: '2026-04-01T00:00:00Z' }, now)).toThrow(InvalidAnalyticsRangeError);
  });
});
