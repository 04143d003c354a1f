import { type AnalyticsQuery, analyticsRange, CLOCK, type Clock } from '@marketplace/kernel';
import { Inject, Injectable } from '@nestjs/common';
import { paymentAnalyticsReport, type PaymentAnalyticsReport } from '../domain/payment-analytics-report';
import { PaymentAnalyticsReadModel } from '../infrastructure/payment-analytics-read-model';

/** The admins' figures of payments over a range, from the payment-analytics projection. */
@Injectable()
export class PaymentAnalyticsService {
  constructor(
    private readonly readModel: PaymentAnalyticsReadModel,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async report(query: AnalyticsQuery & { currency?: string }): Promise<PaymentAnalyticsReport> {
    const range = analyticsRange(query, this.clock.now());
    const { totals, declines, points } = await this.readModel.sums(range, query.currency);
    return paymentAnalyticsReport(range, totals, declines, points);
  }
}
