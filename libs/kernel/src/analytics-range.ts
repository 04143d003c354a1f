import { DomainError } from './domain-error';

export const GRANULARITIES = ['minute', 'hour', 'day'] as const;

export type Granularity = (typeof GRANULARITIES)[number];

/** More buckets than a chart can show in one answer. */
export const MAX_BUCKETS = 1440;

const BUCKET_MS: Record<Granularity, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
const DEFAULT_SPAN_MS = 30 * BUCKET_MS.day;

/** The instants `[from, to)` an analytics answer covers, cut into UTC buckets of `granularity`. */
export interface AnalyticsRange {
  from: Date;
  to: Date;
  granularity: Granularity;
}

/** The range as asked for: ISO times and a granularity, each optional. */
export interface AnalyticsQuery {
  from?: string;
  to?: string;
  granularity?: Granularity;
}

export class InvalidAnalyticsRangeError extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'invalid_range';

  constructor(message: string, field: string) {
    super(message, [{ field, message }]);
  }
}

/** The query's range with its defaults (to = now, from = to - 30 days, by day); refused when empty or cut into too many buckets. */
export function analyticsRange(query: AnalyticsQuery, now: Date): AnalyticsRange {
  const to = query.to === undefined ? now : new Date(query.to);
  const from = query.from === undefined ? new Date(to.getTime() - DEFAULT_SPAN_MS) : new Date(query.from);
  const range = { from, to, granularity: query.granularity ?? 'day' };
  if (from.getTime() >= to.getTime()) throw new InvalidAnalyticsRangeError('from must be before to.', 'from');
  const buckets = bucketCount(range);
  if (buckets > MAX_BUCKETS) {
    throw new InvalidAnalyticsRangeError(`The range holds ${buckets} ${range.granularity} buckets, more than ${MAX_BUCKETS}; choose a coarser granularity or a shorter range.`, 'granularity');
  }
  return range;
}

export function bucketMs(granularity: Granularity): number {
  return BUCKET_MS[granularity];
}

/** The start of the UTC bucket holding `at` (epoch-aligned: days start at midnight UTC). */
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
  const first = bucketStart(range.from, range.granularity).getTime();
  return Math.ceil((range.to.getTime() - first) / BUCKET_MS[range.granularity]);
}
