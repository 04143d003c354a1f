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
import { PaymentsReadModel } from './infrastructure/payments-read-model';
import { paymentProviderProvider, paymentProvidersProvider } from './infrastructure/providers/payment-provider.providers';
import { ReconciliationLock } from './infrastructure/reconciliation/reconciliation-lock';
import { ReconciliationQueue } from './infrastructure/reconciliation/reconciliation-queue';
import { StripeWebhookReader } from './infrastructure/webhooks/stripe-webhook-reader';
import { WebhookDeliveries } from './infrastructure/webhooks/webhook-deliveries';

/**
 * The Payment aggregate's feature: orders' requests from orders.order.v1, the provider (Stripe or
 * simulated), webhooks, admin refunds and the reconciliation loop.
 */
@Module({
  controllers: [OrderEventsController, PaymentsController, AdminRefundsController, StripeWebhooksController],
  providers: [
    paymentProviderProvider,
    paymentProvidersProvider,
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
  exports: [PaymentStreams, PaymentsReadModel, ProviderWebhooksService],
})
export class PaymentsModule {}
