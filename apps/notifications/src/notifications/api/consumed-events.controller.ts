import { TOPICS } from '@marketplace/contracts';
import { CLOCK, type Clock } from '@marketplace/kernel';
import { type EventBatch, EventBatchPattern, Inbox } from '@marketplace/messaging';
import { KNEX } from '@marketplace/platform';
import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { Knex } from 'knex';
import { EventIntake } from '../application/event-intake';
import { InAppDelivery, type InAppNotice } from '../application/in-app-delivery';

/**
 * Identity's, orders' and payments' events, a partition batch at a time: one transaction per batch, with
 * one inbox statement for all its event ids, in which each new event is taken in order (the inbox records
 * commit with the projections and the recorded deliveries). Its in-app notifications are stored last,
 * all together, in one lock order (`InAppDelivery`). A batch that fails is handed over again one
 * event at a time, with the usual retries and dead letters. Older event versions arrive upcast.
 */
@Controller()
export class ConsumedEventsController {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly inbox: Inbox,
    private readonly intake: EventIntake,
    private readonly inAppDelivery: InAppDelivery,
  ) {}

  @EventBatchPattern(TOPICS.identityUser)
  onIdentityEvents(@Payload() batch: EventBatch): Promise<void> {
    return this.take(batch);
  }

  @EventBatchPattern(TOPICS.ordersOrder)
  onOrderEvents(@Payload() batch: EventBatch): Promise<void> {
    return this.take(batch);
  }

  @EventBatchPattern(TOPICS.paymentsPayment)
  onPaymentEvents(@Payload() batch: EventBatch): Promise<void> {
    return this.take(batch);
  }

  private async take(batch: EventBatch): Promise<void> {
    const events = batch.events.map(({ event }) => event);
    const at = this.clock.now();
    await this.inbox.handleBatchOnce(this.db, `${batch.groupId}/notifications`, events, async (fresh, trx) => {
      const inApp: InAppNotice[] = [];
      for (const event of fresh) inApp.push(...(await this.intake.take(trx, event, at)));
      await this.inAppDelivery.deliver(trx, inApp, at);
    });
  }
}
