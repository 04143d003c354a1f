import { AuthModule } from '@marketplace/auth';
import { PlatformModule, serviceMessaging } from '@marketplace/platform';
import { Module } from '@nestjs/common';
import { AdminRefundsController } from './api/admin-refunds.controller';
import { OrderEventsController } from './api/order-events.controller';
import { PaymentsController } from './api/payments.controller';
import { StripeWebhooksController } from './api/stripe-webhooks.controller';
import { OrderEventsService } from './application/order-events.service';
import { PaymentQueriesService } from './application/payment-queries.service';
import { PaymentReconciler } from './application/payment-reconciler';
import { PaymentSettlement } from './application/payment-settlement';
import { PaymentStreams } from './application/payment-streams';
import { ProviderWebhooksService } from './application/provider-webhooks.service';
import { ReconciliationLoop } from './application/reconciliation-loop';
import { RefundSubmission } from './application/refund-submission';
import { RefundsService } from './application/refunds.service';
import { paymentsMigrations } from './infrastructure/migrations';
import { paymentsEventSourcing } from './infrastructure/payments-event-sourcing';
import { PaymentsReadModel } from './infrastructure/payments-read-model';
import { paymentProviderProvider } from './infrastructure/providers/payment-provider.providers';
import { ReconciliationLock } from './infrastructure/reconciliation/reconciliation-lock';
import { ReconciliationQueue } from './infrastructure/reconciliation/reconciliation-queue';
import { StripeWebhookReader } from './infrastructure/webhooks/stripe-webhook-reader';
import { WebhookDeliveries } from './infrastructure/webhooks/webhook-deliveries';

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
