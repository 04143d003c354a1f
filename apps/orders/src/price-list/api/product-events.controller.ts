import { isEventType, type MarketplaceEvent, TOPICS } from '@marketplace/contracts';
import { Inbox, MessagingContext } from '@marketplace/messaging';
import { KNEX } from '@marketplace/platform';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { Knex } from 'knex';
import { evolvePriceEntry, type PriceListEvent } from '../domain/price-entry';
import { PriceListRepository } from '../infrastructure/price-list-repository';

const PRICE_EVENTS = [
  'marketplace.catalog.ProductCreated.v1',
  'marketplace.catalog.ProductUpdated.v1',
  'marketplace.catalog.ProductPriceChanged.v1',
  'marketplace.catalog.ProductPublished.v1',
  'marketplace.catalog.ProductArchived.v1',
] as const;

/** catalog.product.v1 into the price list: each event once (the inbox), folded in the inbox's transaction. */
@Controller()
export class ProductEventsController {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly inbox: Inbox,
    private readonly prices: PriceListRepository,
  ) {}

  @EventPattern(TOPICS.catalogProduct)
  async onProductEvent(@Payload() event: MarketplaceEvent, @Ctx() context: MessagingContext): Promise<void> {
    if (!isEventType(event, ...PRICE_EVENTS)) return;
    const priceEvent = { type: event.type, data: event.data } as PriceListEvent;
    await this.inbox.handleOnce(this.db, { group: `${context.getGroupId()}/price-list`, eventId: event.id }, async (trx) => {
      const next = evolvePriceEntry(await this.prices.forUpdate(trx, event.data.productId), priceEvent);
      if (next) await this.prices.save(trx, next, event.time);
    });
  }
}
