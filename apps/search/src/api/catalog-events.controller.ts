import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { type MarketplaceEvent, TOPICS } from '@marketplace/contracts';
import type { EventStore } from '@marketplace/event-store';
import { EVENT_STORE } from '@marketplace/platform';
import { recordCatalogEvent } from '../infrastructure/search-event-log';

/** Catalog events enter search's own log; the projection builds the read model from there. */
@Controller()
export class CatalogEventsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @EventPattern(TOPICS.catalogProduct)
  onProductEvent(@Payload() event: MarketplaceEvent): Promise<void> {
    return recordCatalogEvent(this.store, event);
  }

  @EventPattern(TOPICS.catalogInventory)
  onInventoryEvent(@Payload() event: MarketplaceEvent): Promise<void> {
    return recordCatalogEvent(this.store, event);
  }
}
