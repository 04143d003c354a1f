import { isEventType, type MarketplaceEvent, TOPICS } from '@marketplace/contracts';
import { Inbox, MessagingContext } from '@marketplace/messaging';
import { KNEX } from '@marketplace/platform';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { Knex } from 'knex';
import { ReservationsService } from '../application/reservations.service';

/**
 * Orders' events that move stock: OrderPlaced reserves, OrderCancelled releases (or restocks a
 * confirmed order's committed stock), OrderConfirmed commits. Older versions arrive upcast. Each runs once per event id (the inbox, under a key of its own so that other catalog
 * handlers of this topic keep theirs) and once per order (the reservation row).
 */
@Controller()
export class ReservationEventsController {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly inbox: Inbox,
    private readonly reservations: ReservationsService,
  ) {}

  @EventPattern(TOPICS.ordersOrder)
  async onOrderEvent(@Payload() event: MarketplaceEvent, @Ctx() context: MessagingContext): Promise<void> {
    const key = { group: `${context.getGroupId()}/inventory`, eventId: event.id };
    const cause = { eventId: event.id, correlationId: event.correlationid ?? event.subject };
    if (isEventType(event, 'marketplace.orders.OrderPlaced.v3')) {
      const { orderId, lines } = event.data;
      await this.inbox.handleOnce(this.db, key, (trx) => this.reservations.reserve(trx, orderId, lines, cause));
    } else if (isEventType(event, 'marketplace.orders.OrderCancelled.v2')) {
      await this.inbox.handleOnce(this.db, key, (trx) => this.reservations.settle(trx, 'release', event.data.orderId, cause));
    } else if (isEventType(event, 'marketplace.orders.OrderConfirmed.v1')) {
      await this.inbox.handleOnce(this.db, key, (trx) => this.reservations.settle(trx, 'commit', event.data.orderId, cause));
    }
  }
}
