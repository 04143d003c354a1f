import { analyticsRange, bucketStart, bucketStarts, InvalidAnalyticsRangeError } from './analytics-range';

const now = new Date('2026-03-31T10:15:00.000Z');

describe('the analytics range', () => {
  it('defaults to the 30 days up to now, by day', () => {
    expect(analyticsRange({}, now)).toEqual({ from: new Date('2026-03-01T10:15:00.000Z'), to: now, granularity: 'day' });
    expect(analyticsRange({ to: '2026-02-01T00:00:00.000Z' }, now).from).toEqual(new Date('2026-01-02T00:00:00.000Z'));
  });

  it('refuses a range that does not start before it ends', () => {
    expect(() => analyticsRange({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' }, now)).toThrow(InvalidAnalyticsRangeError);
    expect(() => analyticsRange({ from: '2026-04-01T00:00:00.000Z' }, now)).toThrow(expect.objectContaining({ code: 'invalid_range', details: [expect.objectContaining({ field: 'from' })] }));
  });

  it('answers at most 1,440 buckets', () => {
    const day = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' };
    expect(bucketStarts(analyticsRange({ ...day, granularity: 'minute' }, now))).toHaveLength(1440);
    expect(() => analyticsRange({ ...day, to: '2026-03-02T00:00:00.001Z', granularity: 'minute' }, now)).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field: 'granularity' })] }));
    expect(() => analyticsRange({ granularity: 'hour' }, now)).not.toThrow();
    expect(() => analyticsRange({ granularity: 'minute' }, now)).toThrow(InvalidAnalyticsRangeError);
  });

  it('cuts UTC buckets, the first one holding from', () => {
    expect(bucketStart(new Date('2026-03-01T23:59:59.999Z'), 'day')).toEqual(new Date('2026-03-01T00:00:00.000Z'));
    expect(bucketStart(new Date('2026-03-01T10:59:59.000Z'), 'hour')).toEqual(new Date('2026-03-01T10:00:00.000Z'));
    const range = analyticsRange({ from: '2026-03-01T10:30:00.000Z', to: '2026-03-01T12:00:01.000Z', granularity: 'hour' }, now);
    expect(bucketStarts(range).map((start) => start.toISOString())).toEqual(['2026-03-01T10:00:00.000Z', '2026-03-01T11:00:00.000Z', '2026-03-01T12:00:00.000Z']);
  });
});
