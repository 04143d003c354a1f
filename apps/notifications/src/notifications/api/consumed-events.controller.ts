import { type MarketplaceEvent, TOPICS } from '@marketplace/contracts';
import { CLOCK, type Clock } from '@marketplace/kernel';
import { Inbox, MessagingContext } from '@marketplace/messaging';
import { KNEX } from '@marketplace/platform';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { Knex } from 'knex';
import { EventIntake } from '../application/event-intake';

/**
 * Identity's, orders' and payments' events, each taken once per event id (the inbox record commits
 * with the projections and the recorded deliveries). Older event versions arrive upcast.
 */
@Controller()
export class ConsumedEventsController {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly inbox: Inbox,
    private readonly intake: EventIntake,
  ) {}

  @EventPattern(TOPICS.identityUser)
  onIdentityEvent(@Payload() event: MarketplaceEvent, @Ctx() context: MessagingContext): Promise<void> {
    return this.take(event, context);
  }

  @EventPattern(TOPICS.ordersOrder)
  onOrderEvent(@Payload() event: MarketplaceEvent, @Ctx() context: MessagingContext): Promise<void> {
    return this.take(event, context);
  }

  @EventPattern(TOPICS.paymentsPayment)
  onPaymentEvent(@Payload() event: MarketplaceEvent, @Ctx() context: MessagingContext): Promise<void> {
    return this.take(event, context);
  }

  private async take(event: MarketplaceEvent, context: MessagingContext): Promise<void> {
    await this.inbox.handleOnce(this.db, { group: `${context.getGroupId()}/notifications`, eventId: event.id }, (trx) => this.intake.take(trx, event, this.clock.now()));
  }
}
