import { isEventType, type MarketplaceEvent, TOPICS } from '@marketplace/contracts';
import { Inbox, MessagingContext } from '@marketplace/messaging';
import { KNEX } from '@marketplace/platform';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { Knex } from 'knex';
import { ProductCategories } from '../infrastructure/product-categories';

/** Each product's category from catalog.product.v1, for per-category commission; each event once (the inbox). */
@Controller()
export class LedgerProductEventsController {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly inbox: Inbox,
    private readonly categories: ProductCategories,
  ) {}

  @EventPattern(TOPICS.catalogProduct)
  async onProductEvent(@Payload() event: MarketplaceEvent, @Ctx() context: MessagingContext): Promise<void> {
    if (!isEventType(event, 'marketplace.catalog.ProductCreated.v1', 'marketplace.catalog.ProductUpdated.v1')) return;
    const { productId, categoryId } = event.data;
    const key = { group: `${context.getGroupId()}/ledger`, eventId: event.id };
    await this.inbox.handleOnce(this.db, key, (trx) => this.categories.record(trx, productId, categoryId, new Date(event.time)));
  }
}
