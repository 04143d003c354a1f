import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';

export const WEBHOOK_EVENTS_TABLE = 'stripe_webhook_events';

/** The provider webhook events already handled, by event id (a repeat answers 200 and does nothing). */
@Injectable()
export class WebhookDeliveries {
  constructor(@Inject(KNEX) private readonly db: Knex) {}

  async seen(eventId: string): Promise<boolean> {
    return (await this.db(WEBHOOK_EVENTS_TABLE).where({ event_id: eventId }).first('event_id')) !== undefined;
  }

  async record(eventId: string, type: string, outcome: string): Promise<void> {
    await this.db(WEBHOOK_EVENTS_TABLE).insert({ event_id: eventId, type, outcome }).onConflict('event_id').ignore();
  }
}
