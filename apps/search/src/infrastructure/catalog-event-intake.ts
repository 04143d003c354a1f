import { type EventBatch, Inbox } from '@marketplace/messaging';
import { announceAppends, type EventStore } from '@marketplace/event-store';
import { EVENT_STORE, KNEX, PLATFORM_CONFIG, schemaFor, type Migration } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { SearchConfig } from '../search-config';
import { appendCatalogEvents, recordCatalogEvent } from './search-event-log';

/** Search's inbox (in its own schema): which catalog events its consumer group has put in the log. */
export const inboxMigration: Migration = {
  name: '002-inbox',
  up: async (knex) => {
    const { rows } = await knex.raw<{ rows: { schema: string }[] }>('select current_schema() as schema');
    await new Inbox({ schema: rows[0].schema }).migrate(knex);
  },
};

/**
 * Catalog events into search's log. A batch of several: ONE transaction, with ONE inbox statement for
 * all their ids and ONE append statement for the new ones, so a redelivered event is skipped and a failed
 * batch leaves nothing behind (the pipeline then hands its events over one at a time). A batch of one
 * (that fallback, a quiet topic, or SEARCH_CONSUMER_BATCH=false) goes through the store's own append as
 * before batches: it skips an id already in its stream. An event recorded that way has no inbox row, so
 * if it comes again inside a batch, that batch's append fails on the id and its events go one at a time.
 */
@Injectable()
export class CatalogEventIntake {
  private readonly schema: string;

  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly inbox: Inbox,
    @Inject(PLATFORM_CONFIG) config: SearchConfig,
  ) {
    this.schema = schemaFor(config.SERVICE_NAME);
  }

  async record(batch: EventBatch): Promise<void> {
    const events = batch.events.map(({ event }) => event);
    if (events.length === 1) return recordCatalogEvent(this.store, events[0]);
    const { handled } = await this.inbox.handleBatchOnce(this.db, batch.groupId, events, (fresh, trx) => appendCatalogEvents(trx, this.schema, fresh));
    if (handled.length > 0) await announceAppends((sql, bindings) => this.db.raw(sql, bindings as Knex.RawBinding[]), this.schema).catch(() => undefined);
  }
}
