import { AuthModule } from '@marketplace/auth';
import { MessagingModule, type MessageBus } from '@marketplace/messaging';
import { LOGGER, MESSAGE_BUS, PLATFORM_CONFIG, PlatformModule, schemaFor } from '@marketplace/platform';
import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { CategoriesService } from './application/categories.service';
import { DeliveredPurchasesService } from './application/delivered-purchases.service';
import { ProductsService } from './application/products.service';
import { ReviewsService } from './application/reviews.service';
import { CategoriesController } from './api/categories.controller';
import { OptionalCaller } from './api/optional-caller';
import { OrdersEventsController } from './api/orders-events.controller';
import { ProductsController } from './api/products.controller';
import { ReviewsController } from './api/reviews.controller';
import { type CatalogConfig, jwksUrlOf } from './catalog-config';
import { catalogProviders } from './infrastructure/catalog.providers';
import { catalogMigrations } from './infrastructure/migrations';
import { InventoryModule } from './inventory/inventory.module';

/**
 * The catalog service: categories, products, reviews, and inventory. Its events leave through the
 * outbox; it consumes orders.order.v1 once its transport is connected (`connectMessaging(app)`).
 */
@Module({
  imports: [
    PlatformModule.forRoot({ database: { migrations: catalogMigrations }, bus: true }),
    MessagingModule.forRootAsync({
      inject: [PLATFORM_CONFIG, MESSAGE_BUS, LOGGER],
      useFactory: (config: CatalogConfig, bus: MessageBus, logger: Logger) => {
        const log = logger.child({ component: 'messaging' });
        return {
          serviceName: config.SERVICE_NAME,
          schema: schemaFor(config.SERVICE_NAME),
          databaseUrl: config.DATABASE_URL,
          bus,
          outboxRelay: true,
          logger: (level, message, fields) => log[level](fields ?? {}, message),
        };
      },
    }),
    AuthModule.forRootAsync({
      inject: [PLATFORM_CONFIG],
      useFactory: (config: CatalogConfig) => ({ jwksUrl: jwksUrlOf(config), issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE }),
    }),
    InventoryModule,
  ],
  controllers: [CategoriesController, ProductsController, ReviewsController, OrdersEventsController],
  providers: [...catalogProviders, OptionalCaller, CategoriesService, ProductsService, ReviewsService, DeliveredPurchasesService],
})
export class AppModule {}
