import { Roles } from '@marketplace/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { SalesAnalyticsService } from '../application/sales-analytics.service';
import { AnalyticsQueryDto, TopListQueryDto } from './analytics.dto';

/** The admin console's sales analytics, from the order-analytics read model (and the carts, for the funnel's first stage). */
@Roles('admin')
@Controller('admin/analytics')
export class AnalyticsController {
  constructor(private readonly analytics: SalesAnalyticsService) {}

  @Get('sales')
  sales(@Query() query: AnalyticsQueryDto) {
    return this.analytics.sales(query);
  }

  @Get('orders-by-status')
  ordersByStatus(@Query() query: AnalyticsQueryDto) {
    return this.analytics.ordersByStatus(query);
  }

  @Get('funnel')
  funnel(@Query() query: AnalyticsQueryDto) {
    return this.analytics.funnel(query);
  }

  @Get('top-products')
  topProducts(@Query() query: TopListQueryDto) {
    return this.analytics.topProducts(query);
  }

  @Get('top-sellers')
  topSellers(@Query() query: TopListQueryDto) {
    return this.analytics.topSellers(query);
  }

  @Get('cancellations')
  cancellations(@Query() query: AnalyticsQueryDto) {
    return this.analytics.cancellations(query);
  }
}
