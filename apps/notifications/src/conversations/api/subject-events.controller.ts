import { isEventType, type MarketplaceEvent, TOPICS } from '@marketplace/contracts';
import { type EventBatch, EventBatchPattern, Inbox, MessagingContext } from '@marketplace/messaging';
import { KNEX } from '@marketplace/platform';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { Knex } from 'knex';
import { SubjectFactsRepository } from '../infrastructure/subject-facts-repository';

/**
 * What conversations may be about, from catalog's and orders' events: each product's seller and title,
 * each order's buyer and sellers. Each event once (the inbox, under conversations' own key so that
 * notifications' handlers of the same topics keep theirs); older versions arrive upcast.
 */
@Controller()
export class SubjectEventsController {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly inbox: Inbox,
    private readonly subjects: SubjectFactsRepository,
  ) {}

  @EventPattern(TOPICS.catalogProduct)
  async onProductEvent(@Payload() event: MarketplaceEvent, @Ctx() context: MessagingContext): Promise<void> {
    if (!isEventType(event, 'marketplace.catalog.ProductCreated.v1', 'marketplace.catalog.ProductUpdated.v1')) return;
    const { productId, sellerId, title } = event.data;
    await this.inbox.handleOnce(this.db, this.key(event, context), (trx) => this.subjects.recordProduct(trx, { productId, sellerId, title }, new Date(event.time)));
  }

  /** A batch handler, as notifications' own handler of this topic is (a topic's handlers all take batches or all take events). */
  @EventBatchPattern(TOPICS.ordersOrder)
  async onOrderEvents(@Payload() batch: EventBatch): Promise<void> {
    const placed = batch.events.map(({ event }) => event).filter((event) => isEventType(event, 'marketplace.orders.OrderPlaced.v3'));
    await this.inbox.handleBatchOnce(this.db, `${batch.groupId}/conversations`, placed, async (fresh, trx) => {
      for (const { data } of fresh) await this.subjects.recordOrder(trx, { orderId: data.orderId, buyerId: data.buyerId, sellerIds: data.lines.map((line) => line.sellerId) });
    });
  }

  private key(event: MarketplaceEvent, context: MessagingContext) {
    return { group: `${context.getGroupId()}/conversations`, eventId: event.id };
  }
}
