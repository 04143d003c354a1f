import { Roles } from '@marketplace/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { PaymentAnalyticsService } from '../application/payment-analytics.service';
import type { PaymentAnalyticsReport } from '../domain/payment-analytics-report';
import { AnalyticsQueryDto } from './analytics-query.dto';

/** The admin console's payment figures: totals per currency and a zero-filled series. */
@Roles('admin')
@Controller('admin/analytics')
export class PaymentAnalyticsController {
  constructor(private readonly analytics: PaymentAnalyticsService) {}

  @Get('payments')
  payments(@Query() query: AnalyticsQueryDto): Promise<PaymentAnalyticsReport> {
    return this.analytics.report(query);
  }
}
