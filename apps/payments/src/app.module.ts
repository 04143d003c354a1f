import { AuthModule } from '@marketplace/auth';
import { PlatformModule, serviceMessaging } from '@marketplace/platform';
import { Module } from '@nestjs/common';
import { AdminRefundsController } from './payments/api/admin-refunds.controller';
import { OrderEventsController } from './payments/api/order-events.controller';
import { PaymentsController } from './payments/api/payments.controller';
import { StripeWebhooksController } from './payments/api/stripe-webhooks.controller';
import { OrderEventsService } from './payments/application/order-events.service';
import { PaymentQueriesService } from './payments/application/payment-queries.service';
import { PaymentReconciler } from './payments/application/payment-reconciler';
import { PaymentSettlement } from './payments/application/payment-settlement';
import { PaymentStreams } from './payments/application/payment-streams';
import { ProviderWebhooksService } from './payments/application/provider-webhooks.service';
import { ReconciliationLoop } from './payments/application/reconciliation-loop';
import { RefundSubmission } from './payments/application/refund-submission';
import { RefundsService } from './payments/application/refunds.service';
import { paymentsMigrations } from './infrastructure/migrations';
import { paymentsEventSourcing } from './payments/infrastructure/payments-event-sourcing';
import { PaymentsReadModel } from './payments/infrastructure/payments-read-model';
import { paymentProviderProvider } from './payments/infrastructure/providers/payment-provider.providers';
import { ReconciliationLock } from './payments/infrastructure/reconciliation/reconciliation-lock';
import { ReconciliationQueue } from './payments/infrastructure/reconciliation/reconciliation-queue';
import { StripeWebhookReader } from './payments/infrastructure/webhooks/stripe-webhook-reader';
import { WebhookDeliveries } from './payments/infrastructure/webhooks/webhook-deliveries';

/**
 * The payments service: Payment streams in its own event store (their public events relayed to
 * payments.payment.v1), the payments read model, the provider (Stripe or simulated), orders' requests
 * from orders.order.v1 (once `startMessaging(app)` connected the transport), webhooks, admin refunds
 * and the reconciliation loop.
 */
@Module({
  imports: [
    PlatformModule.forRoot({ database: { migrations: paymentsMigrations }, bus: true }),
    // Payments publishes from its event store, not through an outbox.
    serviceMessaging({ outboxRelay: false }),
    AuthModule.forService(),
    paymentsEventSourcing,
  ],
  controllers: [OrderEventsController, PaymentsController, AdminRefundsController, StripeWebhooksController],
  providers: [
    paymentProviderProvider,
    PaymentStreams,
    PaymentSettlement,
    OrderEventsService,
    RefundsService,
    PaymentQueriesService,
    ProviderWebhooksService,
    PaymentReconciler,
    ReconciliationLoop,
    RefundSubmission,
    PaymentsReadModel,
    ReconciliationQueue,
    ReconciliationLock,
    StripeWebhookReader,
    WebhookDeliveries,
  ],
})
export class AppModule {}
