import { Module } from '@nestjs/common';
import { PaymentAnalyticsController } from './api/payment-analytics.controller';
import { PaymentAnalyticsService } from './application/payment-analytics.service';
import { PaymentAnalyticsReadModel } from './infrastructure/payment-analytics-read-model';

/**
 * Payment analytics for admins. Its projection (payment-analytics) runs with the payments' event
 * sourcing, listed in ops-manifest.ts.
 */
@Module({
  controllers: [PaymentAnalyticsController],
  providers: [PaymentAnalyticsService, PaymentAnalyticsReadModel],
})
export class AnalyticsModule {}
