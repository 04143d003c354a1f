import { Inbox, Outbox } from '@marketplace/messaging';
import { type DataServiceConfig, PLATFORM_CONFIG, schemaFor } from '@marketplace/platform';
import { Module } from '@nestjs/common';
import { catalogEventFactory } from '../infrastructure/catalog.providers';
import { InventoryController } from './api/inventory.controller';
import { ReservationEventsController } from './api/reservation-events.controller';
import { ReservationsService } from './application/reservations.service';
import { StockService } from './application/stock.service';
import { InventoryRepository } from './infrastructure/inventory-repository';
import { ProductSellers } from './infrastructure/product-sellers';

const inSchema = <T>(make: (options: { schema: string }) => T) => ({
  inject: [PLATFORM_CONFIG],
  useFactory: (config: DataServiceConfig) => make({ schema: schemaFor(config.SERVICE_NAME) }),
});

/**
 * Stock per product and reservations per order. Needs the platform's database (with the catalog
 * migrations, which include the inventory tables) and, to consume orders.order.v1, the app's
 * MessagingModule transport connected with `connectMessaging(app)`; its outbox rows leave through
 * that module's relay. The Outbox and Inbox here write to the same schema's tables.
 */
@Module({
  controllers: [InventoryController, ReservationEventsController],
  providers: [
    catalogEventFactory,
    { provide: Outbox, ...inSchema((options) => new Outbox(options)) },
    { provide: Inbox, ...inSchema((options) => new Inbox(options)) },
    InventoryRepository,
    ProductSellers,
    StockService,
    ReservationsService,
  ],
})
export class InventoryModule {}
