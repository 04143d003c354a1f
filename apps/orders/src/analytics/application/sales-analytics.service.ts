import { cancellationReason } from '@marketplace/contracts';
import { analyticsRange, bucketStarts, CLOCK, type Clock, type Granularity } from '@marketplace/kernel';
import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { ORDER_STATUSES } from '../../orders/domain/order-state';
import { salesSeries } from '../domain/sales-series';
import type { AnalyticsScope } from '../infrastructure/fact-filters';
import { OrderCountsQueries } from '../infrastructure/order-counts-queries';
import { RankingQueries } from '../infrastructure/ranking-queries';
import { SalesQueries } from '../infrastructure/sales-queries';

export interface AnalyticsQuery {
  from?: string;
  to?: string;
  granularity?: Granularity;
  currency?: string;
}

const FUNNEL_STAGES = ['cart', 'placed', 'confirmed', 'delivered'] as const;

/** The admin console's sales analytics: the range resolved against now, figures from the order facts, every known key listed (zero when none). */
@Injectable()
export class SalesAnalyticsService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly salesFigures: SalesQueries,
    private readonly counts: OrderCountsQueries,
    private readonly rankings: RankingQueries,
  ) {}

  async sales(query: AnalyticsQuery) {
    const scope = this.scope(query);
    const figures = await this.salesFigures.figures(this.db, scope);
    const currencies = scope.currency ? [scope.currency] : figures.map((figure) => figure.currency);
    const { from, to, granularity } = scope.range;
    return { from: from.toISOString(), to: to.toISOString(), granularity, items: salesSeries(bucketStarts(scope.range), currencies, figures) };
  }

  async ordersByStatus(query: AnalyticsQuery) {
    const orders = await this.counts.byStatus(this.db, this.scope(query));
    return { items: ORDER_STATUSES.map((status) => ({ status, orders: orders.get(status) ?? 0 })) };
  }

  async funnel(query: AnalyticsQuery) {
    const counts = await this.counts.funnel(this.db, this.scope(query));
    return { items: FUNNEL_STAGES.map((stage) => ({ stage, count: counts[stage] })) };
  }

  async cancellations(query: AnalyticsQuery) {
    const orders = await this.counts.cancellations(this.db, this.scope(query));
    return { items: cancellationReason.options.map((reason) => ({ reason, orders: orders.get(reason) ?? 0 })) };
  }

  async topProducts(query: AnalyticsQuery & { limit: number }) {
    return { items: await this.rankings.topProducts(this.db, this.scope(query), query.limit) };
  }

  async topSellers(query: AnalyticsQuery & { limit: number }) {
    return { items: await this.rankings.topSellers(this.db, this.scope(query), query.limit) };
  }

  private scope(query: AnalyticsQuery): AnalyticsScope {
    return { range: analyticsRange(query, this.clock.now()), currency: query.currency };
  }
}
