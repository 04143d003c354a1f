import { AuthModule } from '@marketplace/auth';
import { EventSourcingModule, PlatformModule, serviceMessaging } from '@marketplace/platform';
import { Module } from '@nestjs/common';
import { AnalyticsModule } from './analytics/analytics.module';
import { CartController } from './cart/api/cart.controller';
import { CartService } from './cart/application/cart.service';
import { CartRepository } from './cart/infrastructure/cart-repository';
import { CheckoutEventsController } from './checkout/api/checkout-events.controller';
import { CheckoutStreams } from './checkout/application/checkout-streams';
import { CheckoutService } from './checkout/application/checkout.service';
import { DeadlineTimers } from './checkout/application/deadline-timers';
import { AdminDisputesController } from './disputes/api/admin-disputes.controller';
import { ChargebackEventsController } from './disputes/api/chargeback-events.controller';
import { DisputesController } from './disputes/api/disputes.controller';
import { OrderDisputesController } from './disputes/api/order-disputes.controller';
import { ChargebackCasesService } from './disputes/application/chargeback-cases.service';
import { DisputeActionsService } from './disputes/application/dispute-actions.service';
import { DisputeSteps } from './disputes/application/dispute-steps';
import { DisputeStreams } from './disputes/application/dispute-streams';
import { DisputeWindows } from './disputes/application/dispute-windows';
import { OpenDisputeService } from './disputes/application/open-dispute.service';
import { DisputeRequestsRepository } from './disputes/infrastructure/dispute-requests-repository';
import { DisputeListsRepository } from './disputes/infrastructure/read-model/dispute-lists-repository';
import { ordersMigrations } from './infrastructure/migrations';
import { AdminOrdersController } from './orders/api/admin-orders.controller';
import { OrdersController } from './orders/api/orders.controller';
import { RefundEventsController } from './orders/api/refund-events.controller';
import { SellerOrdersController } from './orders/api/seller-orders.controller';
import { OrderActionsService } from './orders/application/order-actions.service';
import { OrderQueriesService } from './orders/application/order-queries.service';
import { ORDERS_PROJECTIONS } from './ops-manifest';
import { OrderStreams } from './orders/application/order-streams';
import { PlaceOrderService } from './orders/application/place-order.service';
import { OrderRequestsRepository } from './orders/infrastructure/order-requests-repository';
import { publishOrderEvent } from './orders/infrastructure/order-publication';
import { OrderListsRepository } from './orders/infrastructure/read-model/order-lists-repository';
import { ProductEventsController } from './price-list/api/product-events.controller';
import { PriceListRepository } from './price-list/infrastructure/price-list-repository';

/**
 * The orders service: carts over its price list (a projection of catalog.product.v1), orders as event
 * streams published by the relay, the checkout process manager fed by catalog's and payments' events,
 * its durable timers, disputes (buyers' and chargeback cases) and the read models.
 */
@Module({
  imports: [
    PlatformModule.forRoot({ database: { migrations: ordersMigrations }, bus: true }),
    // Orders publishes from its event store, not an outbox; the inbox keeps the price list exactly once.
    serviceMessaging({ outboxRelay: false }),
    AuthModule.forService(),
    EventSourcingModule.forRoot({
      publish: { source: 'marketplace/orders', map: publishOrderEvent, streamPrefixes: ['order-', 'dispute-'] },
      projections: { useFactory: () => ORDERS_PROJECTIONS },
    }),
    AnalyticsModule,
  ],
  controllers: [
    CartController,
    OrdersController,
    SellerOrdersController,
    AdminOrdersController,
    ProductEventsController,
    CheckoutEventsController,
    RefundEventsController,
    OrderDisputesController,
    DisputesController,
    AdminDisputesController,
    ChargebackEventsController,
  ],
  providers: [
    PriceListRepository,
    CartRepository,
    CartService,
    OrderStreams,
    OrderRequestsRepository,
    OrderListsRepository,
    PlaceOrderService,
    OrderQueriesService,
    OrderActionsService,
    CheckoutStreams,
    CheckoutService,
    DeadlineTimers,
    DisputeStreams,
    DisputeRequestsRepository,
    DisputeListsRepository,
    DisputeSteps,
    OpenDisputeService,
    DisputeActionsService,
    ChargebackCasesService,
    DisputeWindows,
  ],
})
export class AppModule {}
