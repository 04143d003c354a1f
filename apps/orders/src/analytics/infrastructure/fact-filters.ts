import type { AnalyticsRange } from '@marketplace/kernel';

/** What an analytics answer is about: a range, and optionally one currency. */
export interface AnalyticsScope {
  range: AnalyticsRange;
  currency?: string;
}

/** SQL for "`column` falls in the range (from inclusive, to exclusive), in the currency if one is asked"; `column` is ours, never input. */
export function inScope(column: string, scope: AnalyticsScope): { sql: string; bindings: (Date | string)[] } {
  const { range, currency } = scope;
  return {
    sql: `${column} >= ? AND ${column} < ?${currency ? ' AND currency = ?' : ''}`,
    bindings: [range.from, range.to, ...(currency ? [currency] : [])],
  };
}
