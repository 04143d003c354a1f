import type { Knex } from 'knex';
import { migrateSchema } from '../relay/migrate-schema';

/** Which consumer handled which event: the inbox's primary key. */
export interface InboxKey {
  group: string;
  eventId: string;
}

/** `duplicate`: the group had already handled this event, and the effect did not run again. */
export type InboxOutcome<T> = { status: 'handled'; result: T } | { status: 'duplicate' };

/** What `handleBatchOnce` did: the events it ran the effect for, and those the group had already handled. */
export interface InboxBatchOutcome<E> {
  handled: E[];
  duplicates: E[];
}

export class InvalidInboxKeyError extends Error {
  override readonly name = 'InvalidInboxKeyError';
}

export interface InboxOptions {
  /** The consuming service's own schema. */
  schema: string;
}

/**
 * Records the events a consumer group has handled, in the same transaction as the handler's effect,
 * so that a redelivered event has no second effect.
 */
export class Inbox {
  private readonly table: string;

  constructor(private readonly options: InboxOptions) {
    this.table = `${options.schema}.inbox`;
  }

  /** Creates the schema and table if missing; safe to run from several processes at once. */
  async migrate(db: Knex): Promise<void> {
    await migrateSchema(db, this.options.schema, [
      [
        `create table if not exists ?? (
           consumer_group text not null,
           event_id text not null,
           handled_at timestamptz not null default now(),
           primary key (consumer_group, event_id)
         )`,
        [this.table],
      ],
    ]);
  }

  /**
   * Runs `effect` and records the event in one transaction (a savepoint when `db` is already a
   * transaction). The insert comes first: a concurrent redelivery of the same event waits on its key
   * until this transaction ends, then sees it and is skipped; if this one rolls back, the other runs.
   */
  async handleOnce<T>(db: Knex, key: InboxKey, effect: (trx: Knex.Transaction) => Promise<T>): Promise<InboxOutcome<T>> {
    if (!key.group || !key.eventId) throw new InvalidInboxKeyError('An inbox key needs a non-empty group and eventId');
    return db.transaction(async (trx) => {
      const inserted = await trx.raw('insert into ?? (consumer_group, event_id) values (?, ?) on conflict do nothing', [
        this.table,
        key.group,
        key.eventId,
      ]);
      if (inserted.rowCount === 0) return { status: 'duplicate' } as const;
      return { status: 'handled', result: await effect(trx) } as const;
    });
  }

  /**
   * `handleOnce` for many events: ONE transaction (a savepoint inside one) and ONE inbox statement for
   * all of them. Every id is inserted at once (`on conflict do nothing returning`); `effect` then gets
   * the events that were new, in the order given, each once even if the batch repeats it. If `effect`
   * throws, the whole transaction rolls back, inbox rows included, so a retry of any of these events
   * runs it. Ids are inserted in sorted order, so two overlapping batches cannot deadlock on each other.
   */
  async handleBatchOnce<E extends { id: string }>(
    db: Knex,
    group: string,
    events: readonly E[],
    effect: (fresh: E[], trx: Knex.Transaction) => Promise<void>,
  ): Promise<InboxBatchOutcome<E>> {
    if (!group || events.some((event) => !event.id)) throw new InvalidInboxKeyError('An inbox key needs a non-empty group and eventId');
    if (events.length === 0) return { handled: [], duplicates: [] };
    const ids = [...new Set(events.map((event) => event.id))].sort();
    return db.transaction(async (trx) => {
      const inserted = await trx.raw<{ rows: { event_id: string }[] }>(
        `insert into ?? (consumer_group, event_id)
         select ?, id from unnest(?::text[]) as ids (id) order by id
         on conflict do nothing returning event_id`,
        [this.table, group, ids],
      );
      const fresh = new Set(inserted.rows.map((row) => row.event_id));
      const handled: E[] = [];
      const duplicates: E[] = [];
      for (const event of events) {
        if (fresh.delete(event.id)) handled.push(event);
        else duplicates.push(event);
      }
      if (handled.length > 0) await effect(handled, trx);
      return { handled, duplicates };
    });
  }
}
