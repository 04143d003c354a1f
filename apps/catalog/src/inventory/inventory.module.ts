import { Module } from '@nestjs/common';
import { catalogEventFactory } from '../infrastructure/catalog.providers';
import { InventoryController } from './api/inventory.controller';
import { ReservationEventsController } from './api/reservation-events.controller';
import { ReservationsService } from './application/reservations.service';
import { StockService } from './application/stock.service';
import { InventoryRepository } from './infrastructure/inventory-repository';
import { ProductSellers } from './infrastructure/product-sellers';

/**
 * Stock per product and reservations per order. Needs the platform's database (with the catalog
 * migrations, which include the inventory tables) and, to consume orders.order.v1, the app's
 * MessagingModule transport connected with `connectMessaging(app)`; its outbox rows leave through
 * that module's relay (the Outbox and Inbox are the service's, from serviceMessaging).
 */
@Module({
  controllers: [InventoryController, ReservationEventsController],
  providers: [
    catalogEventFactory,
    InventoryRepository,
    ProductSellers,
    StockService,
    ReservationsService,
  ],
})
export class InventoryModule {}
