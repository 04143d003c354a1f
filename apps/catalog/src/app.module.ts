import { AuthModule } from '@marketplace/auth';
import { PlatformModule, serviceMessaging } from '@marketplace/platform';
import { Module } from '@nestjs/common';
import { CategoriesService } from './application/categories.service';
import { DeliveredPurchasesService } from './application/delivered-purchases.service';
import { ProductsService } from './application/products.service';
import { ReviewsService } from './application/reviews.service';
import { CategoriesController } from './api/categories.controller';
import { OptionalCaller } from './api/optional-caller';
import { OrdersEventsController } from './api/orders-events.controller';
import { ProductsController } from './api/products.controller';
import { ReviewsController } from './api/reviews.controller';
import { catalogProviders } from './infrastructure/catalog.providers';
import { catalogMigrations } from './infrastructure/migrations';
import { ImagesModule } from './images/images.module';
import { InventoryModule } from './inventory/inventory.module';

/**
 * The catalog service: categories, products and their images, reviews, and inventory. Its events leave through the
 * outbox; it consumes orders.order.v1 once its transport is connected (`connectMessaging(app)`).
 */
@Module({
  imports: [
    PlatformModule.forRoot({ database: { migrations: catalogMigrations }, bus: true }),
    serviceMessaging(),
    AuthModule.forService(),
    InventoryModule,
    ImagesModule,
  ],
  controllers: [CategoriesController, ProductsController, ReviewsController, OrdersEventsController],
  providers: [...catalogProviders, OptionalCaller, CategoriesService, ProductsService, ReviewsService, DeliveredPurchasesService],
})
export class AppModule {}
