import { DependencyUnavailableError, KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { type AnalyticsRange, bucketMs } from '@marketplace/kernel';
import type { MinuteCounts } from '../domain/payment-facts';
import type { CurrencyTotal, DeclineCount, SeriesPoint } from '../domain/payment-analytics-report';
import { COUNTER_COLUMNS, paymentDeclinesTable, paymentMinutesTable } from './projection/analytics-tables';

/** PostgreSQL's "undefined table": the projection creates its tables when it first starts. */
const UNDEFINED_TABLE = '42P01';

export interface AnalyticsSums {
  totals: CurrencyTotal[];
  declines: DeclineCount[];
  points: SeriesPoint[];
}

/**
 * Sums of the payment-analytics projection over a range: the minutes that start in `[from, to)`, of
 * one currency or all. Sums are bigint in SQL, read as numbers (exact up to 2^53 minor units).
 */
@Injectable()
export class PaymentAnalyticsReadModel {
  constructor(@Inject(KNEX) private readonly db: Knex) {}

  async sums(range: AnalyticsRange, currency?: string): Promise<AnalyticsSums> {
    const within = (query: Knex.QueryBuilder) => {
      void query.where('minute', '>=', range.from).andWhere('minute', '<', range.to);
      if (currency !== undefined) void query.andWhere({ currency });
      return query;
    };
    const sum = (column: string, as = column) => this.db.raw(`sum(${column})::bigint AS ??`, [as]);
    const seconds = bucketMs(range.granularity) / 1000;
    try {
      const [totals, declines, points] = await Promise.all([
        within(this.db(paymentMinutesTable.name)).groupBy('currency').select('currency', ...Object.entries(COUNTER_COLUMNS).map(([name, column]) => sum(column, name))),
        within(this.db(paymentDeclinesTable.name)).groupBy('currency', 'reason').select('currency', 'reason', sum('count')),
        within(this.db(paymentMinutesTable.name))
          // Epoch-aligned buckets are UTC buckets whatever the session's time zone.
          .select(this.db.raw('to_timestamp(floor(extract(epoch FROM minute) / ?) * ?) AS start', [seconds, seconds]), 'currency', sum('captured'), sum('failed'), sum('captured_amount', 'capturedAmount'))
          .groupByRaw('1, 2'),
      ]);
      return {
        totals: totals.map((row: Record<string, unknown>) => ({ currency: String(row.currency), ...numbers<MinuteCounts>(row, Object.keys(COUNTER_COLUMNS)) })),
        declines: declines.map((row: Record<string, unknown>) => ({ currency: String(row.currency), reason: String(row.reason), count: Number(row.count) })),
        points: points.map((row: Record<string, unknown>) => ({ start: new Date(row.start as Date), currency: String(row.currency), ...numbers<Omit<SeriesPoint, 'start' | 'currency'>>(row, ['captured', 'failed', 'capturedAmount']) })),
      };
    } catch (error) {
      if ((error as { code?: string }).code !== UNDEFINED_TABLE) throw error;
      throw new DependencyUnavailableError('Payment analytics is being built; try again shortly.', { code: 'read_model_not_ready', cause: error });
    }
  }
}

function numbers<T>(row: Record<string, unknown>, names: readonly string[]): T {
  return Object.fromEntries(names.map((name) => [name, Number(row[name])])) as T;
}
