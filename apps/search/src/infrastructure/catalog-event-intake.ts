import type { MarketplaceEvent } from '@marketplace/contracts';
import { type EventBatch, Inbox } from '@marketplace/messaging';
import { announceAppends, appendToStreamsWithin, type EventStore, type NewEvent } from '@marketplace/event-store';
import { EVENT_STORE, KNEX, PLATFORM_CONFIG, schemaFor, type Migration } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { SearchConfig } from '../search-config';
import { logEntryOf, streamFor } from './search-event-log';

/** Search's inbox (in its own schema): which events its consumer group has put in the log. */
export const inboxMigration: Migration = {
  name: '002-inbox',
  up: async (knex) => {
    const { rows } = await knex.raw<{ rows: { schema: string }[] }>('select current_schema() as schema');
    await new Inbox({ schema: rows[0].schema }).migrate(knex);
  },
};

/**
 * Events of other services into search's log, in the streams `streamOf` names. A batch of several: ONE
 * transaction, with ONE inbox statement for all their ids and ONE append statement for the new ones
 * (each stream's events in the order given), so a redelivered event is skipped and a failed batch leaves
 * nothing behind (the pipeline then hands its events over one at a time). A batch of one (that fallback,
 * a quiet topic, or SEARCH_CONSUMER_BATCH=false) goes through the store's own append as before batches:
 * it skips an id already in its stream. An event recorded that way has no inbox row, so if it comes again
 * inside a batch, that batch's append fails on the id and its events go one at a time.
 */
@Injectable()
export abstract class EventIntake {
  private readonly schema: string;

  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly inbox: Inbox,
    @Inject(PLATFORM_CONFIG) config: SearchConfig,
  ) {
    this.schema = schemaFor(config.SERVICE_NAME);
  }

  /** The stream of search's log an event is kept in. */
  protected abstract streamOf(event: MarketplaceEvent): string;

  async record(batch: EventBatch): Promise<void> {
    const events = batch.events.map(({ event }) => event);
    if (events.length === 1) {
      await this.store.appendToStream(this.streamOf(events[0]), [logEntryOf(events[0])], { expectedRevision: 'any' });
      return;
    }
    const { handled } = await this.inbox.handleBatchOnce(this.db, batch.groupId, events, (fresh, trx) => this.appendWithin(trx, fresh));
    if (handled.length > 0) await announceAppends((sql, bindings) => this.db.raw(sql, bindings as Knex.RawBinding[]), this.schema).catch(() => undefined);
  }

  /** One append statement inside the inbox's transaction: the streams in order of their first event. */
  private async appendWithin(trx: Knex.Transaction, events: readonly MarketplaceEvent[]): Promise<void> {
    const streams = new Map<string, NewEvent[]>();
    for (const event of events) {
      const stream = this.streamOf(event);
      const entries = streams.get(stream) ?? [];
      streams.set(stream, entries);
      entries.push(logEntryOf(event));
    }
    const appends = [...streams].map(([stream, entries]) => ({ stream, events: entries }));
    await appendToStreamsWithin((sql, bindings) => trx.raw(sql, bindings as Knex.RawBinding[]), this.schema, appends);
  }
}

/** Catalog events, per product, category, product stock or order reservation (`streamFor`). */
@Injectable()
export class CatalogEventIntake extends EventIntake {
  protected streamOf(event: MarketplaceEvent): string {
    return streamFor(event);
  }
}
