import { DomainError } from '@marketplace/kernel';

export const GRANULARITIES = ['minute', 'hour', 'day'] as const;

export type Granularity = (typeof GRANULARITIES)[number];

/** More buckets than a chart can show in one answer. */
export const MAX_BUCKETS = 1440;

const BUCKET_MS: Record<Granularity, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
const DEFAULT_SPAN_MS = 30 * BUCKET_MS.day;

/** The times an analytics answer covers: `from` inclusive, `to` exclusive, in UTC buckets of `granularity`. */
export interface AnalyticsRange {
  from: Date;
  to: Date;
  granularity: Granularity;
}

export class InvalidAnalyticsRangeError extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'invalid_range';

  constructor(message: string, field: string) {
    super(message, [{ field, message }]);
  }
}

/** The range asked for, with its defaults (to = now, from = to - 30 days, by day); refused when empty or of too many buckets. */
export function resolveRange(query: { from?: string; to?: string; granularity?: Granularity }, now: Date): AnalyticsRange {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_SPAN_MS);
  const granularity = query.granularity ?? 'day';
  if (from >= to) throw new InvalidAnalyticsRangeError('from must be before to.', 'from');
  const range = { from, to, granularity };
  const buckets = bucketCount(range);
  if (buckets > MAX_BUCKETS) {
    throw new InvalidAnalyticsRangeError(`The range holds ${buckets} ${granularity} buckets, more than ${MAX_BUCKETS}; choose a coarser granularity or a shorter range.`, 'granularity');
  }
  return range;
}

/** The start of the UTC bucket holding `at` (days start at midnight UTC). */
export function bucketStart(at: Date, granularity: Granularity): Date {
  const size = BUCKET_MS[granularity];
  return new Date(Math.floor(at.getTime() / size) * size);
}

/** The start of every bucket that overlaps the range, oldest first (the first and last may be partly outside it). */
export function bucketStarts(range: AnalyticsRange): Date[] {
  const size = BUCKET_MS[range.granularity];
  const first = bucketStart(range.from, range.granularity).getTime();
  return Array.from({ length: bucketCount(range) }, (_, index) => new Date(first + index * size));
}

function bucketCount(range: AnalyticsRange): number {
  const size = BUCKET_MS[range.granularity];
  return Math.ceil((range.to.getTime() - bucketStart(range.from, range.granularity).getTime()) / size);
}
