import { Module } from '@nestjs/common';
import { AnalyticsController } from './api/analytics.controller';
import { SalesAnalyticsService } from './application/sales-analytics.service';
import { OrderCountsQueries } from './infrastructure/order-counts-queries';
import { RankingQueries } from './infrastructure/ranking-queries';
import { SalesQueries } from './infrastructure/sales-queries';

/** Sales analytics for admins, read from the order-analytics projection (registered with the orders' projections in ops-manifest). */
@Module({
  controllers: [AnalyticsController],
  providers: [SalesAnalyticsService, SalesQueries, OrderCountsQueries, RankingQueries],
})
export class AnalyticsModule {}
