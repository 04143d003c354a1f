import { AuthModule } from '@marketplace/auth';
import { PlatformModule, serviceMessaging } from '@marketplace/platform';
import { Module } from '@nestjs/common';
import { AnalyticsModule } from './analytics/analytics.module';
import { paymentsMigrations } from './infrastructure/migrations';
import { LedgerModule } from './ledger/ledger.module';
import { MobileMoneyModule } from './mobile-money/mobile-money.module';
import { paymentsEventSourcing } from './payments/infrastructure/payments-event-sourcing';
import { PaymentsModule } from './payments/payments.module';
import { PayoutsModule } from './payouts/payouts.module';
import { StatementsModule } from './statements/statements.module';

/**
 * The payments service: Payment streams in its own event store (their public events relayed to
 * payments.payment.v1) with their read model, and its features, each a module. Bus handlers run once
 * `startMessaging(app)` connected the transport.
 */
@Module({
  imports: [
    PlatformModule.forRoot({ database: { migrations: paymentsMigrations }, bus: true }),
    // Payments publishes from its event store, not through an outbox.
    serviceMessaging({ outboxRelay: false }),
    AuthModule.forService(),
    paymentsEventSourcing,
    PaymentsModule,
    LedgerModule,
    PayoutsModule,
    StatementsModule,
    MobileMoneyModule,
    AnalyticsModule,
  ],
})
export class AppModule {}
