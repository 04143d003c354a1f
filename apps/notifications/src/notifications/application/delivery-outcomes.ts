import { CloudEventFactory } from '@marketplace/contracts';
import { Outbox } from '@marketplace/messaging';
import { KNEX, LOGGER } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Delivery } from '../domain/delivery';
import type { NextStep } from '../domain/delivery-outcome';
import { DeliveriesRepository } from '../infrastructure/deliveries-repository';

/** Records an attempt and, when the delivery is settled, publishes NotificationDelivered or NotificationFailed with it. */
@Injectable()
export class DeliveryOutcomes {
  private readonly log: Logger;

  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly deliveries: DeliveriesRepository,
    private readonly outbox: Outbox,
    private readonly events: CloudEventFactory,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'deliveries' });
  }

  async record(delivery: Delivery, step: NextStep): Promise<void> {
    const fields = { deliveryId: delivery.id, channel: delivery.channel, template: delivery.template, attempt: delivery.attempts };
    await this.db.transaction(async (trx) => {
      if (!(await this.deliveries.finish(trx, delivery, step))) {
        this.log.warn(fields, 'another sender took this delivery over after its lease ran out; its outcome is theirs to record');
        return;
      }
      const at = new Date(step.entry.at);
      const common = { notificationId: delivery.id, recipientId: delivery.recipientId, channel: delivery.channel, template: delivery.template, sourceEventId: delivery.sourceId };
      if (step.status === 'sent') {
        await this.outbox.enqueue(trx, [this.events.create('marketplace.notifications.NotificationDelivered.v1', delivery.id, { ...common, deliveredAt: step.entry.at }, { at })]);
      } else if (step.status === 'failed') {
        await this.outbox.enqueue(trx, [
          this.events.create('marketplace.notifications.NotificationFailed.v1', delivery.id, { ...common, attempts: delivery.attempts, error: step.entry.error ?? 'failed', failedAt: step.entry.at }, { at }),
        ]);
      }
    });
    if (step.status === 'sent') this.log.info(fields, 'delivered');
    else this.log.warn({ ...fields, error: step.entry.error, retryAt: step.status === 'pending' ? step.retryAt : undefined }, step.status === 'failed' ? 'delivery failed' : 'delivery attempt failed; will retry');
  }
}
