import { DomainError } from '@marketplace/kernel';

export const GRANULARITIES = ['minute', 'hour', 'day'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

const BUCKET_MS: Record<Granularity, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
export const MAX_BUCKETS = 1440;
const DEFAULT_SPAN_MS = 30 * BUCKET_MS.day;

export class InvalidAnalyticsRangeError extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'invalid_range';

  constructor(message: string, field: string) {
    super(message, [{ field, message }]);
  }
}

/** The instants `[from, to)` an answer covers, cut into UTC buckets of `granularity`. */
export interface AnalyticsRange {
  from: Date;
  to: Date;
  granularity: Granularity;
}

export interface AnalyticsQuery {
  from?: string;
  to?: string;
  granularity?: Granularity;
}

/** The query's range with its defaults (to = now, from = to - 30 days, by day); refused when empty or too finely cut. */
export function analyticsRange(query: AnalyticsQuery, now: Date): AnalyticsRange {
  const to = query.to === undefined ? now : new Date(query.to);
  const from = query.from === undefined ? new Date(to.getTime() - DEFAULT_SPAN_MS) : new Date(query.from);
  const range = { from, to, granularity: query.granularity ?? 'day' };
  if (from.getTime() >= to.getTime()) throw new InvalidAnalyticsRangeError('from must be before to.', query.to === undefined ? 'from' : 'to');
  const buckets = bucketCount(range);
  if (buckets > MAX_BUCKETS) throw new InvalidAnalyticsRangeError(`The range makes ${buckets} buckets of a ${range.granularity}; at most ${MAX_BUCKETS} are answered: narrow it or choose a coarser granularity.`, 'granularity');
  return range;
}

export function bucketMs(granularity: Granularity): number {
  return BUCKET_MS[granularity];
}

/** The start of the UTC bucket an instant falls in (epoch-aligned: UTC has no leap seconds here). */
export function bucketStart(at: Date, granularity: Granularity): Date {
  const size = BUCKET_MS[granularity];
  return new Date(Math.floor(at.getTime() / size) * size);
}

/** Every bucket that overlaps the range, the first one starting at or before `from`. */
export function bucketStarts(range: AnalyticsRange): Date[] {
  const size = BUCKET_MS[range.granularity];
  const first = bucketStart(range.from, range.granularity).getTime();
  return Array.from({ length: bucketCount(range) }, (_, index) => new Date(first + index * size));
}

function bucketCount(range: AnalyticsRange): number {
  const first = bucketStart(range.from, range.granularity).getTime();
  return Math.ceil((range.to.getTime() - first) / BUCKET_MS[range.granularity]);
}
