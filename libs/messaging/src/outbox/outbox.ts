import { type CloudEvent, parseCloudEvent, topicForType } from '@marketplace/contracts';
import type { Knex } from 'knex';
import { migrateSchema } from '../relay/migrate-schema';

export interface OutboxOptions {
  /** The publishing service's own schema. */
  schema: string;
}

/** NOTIFY channel that wakes the relay when a transaction with new outbox rows commits. */
export function outboxChannel(schema: string): string {
  return `outbox.${schema}`;
}

export class OutboxOutsideTransactionError extends Error {
  override readonly name = 'OutboxOutsideTransactionError';

  constructor() {
    super('Outbox.enqueue needs the business transaction: pass the knex transaction that writes the state');
  }
}

/**
 * Integration events written in the business transaction, so that an event exists exactly when its
 * state change committed; `OutboxRelay` publishes them.
 */
export class Outbox {
  readonly table: string;

  constructor(private readonly options: OutboxOptions) {
    this.table = `${options.schema}.outbox`;
  }

  /** Creates the schema and table if missing; safe to run from several processes at once. */
  async migrate(db: Knex): Promise<void> {
    await migrateSchema(db, this.options.schema, [
      [
        `create table if not exists ?? (
           id bigint generated always as identity primary key,
           topic text not null,
           key text not null,
           event_id text not null,
           event_type text not null,
           event jsonb not null,
           enqueued_at timestamptz not null default now(),
           published_at timestamptz
         )`,
        [this.table],
      ],
      ['create index if not exists outbox_unpublished on ?? (id) where published_at is null', [this.table]],
    ]);
  }

  /**
   * Validates each event against its type's schema (InvalidEventError otherwise, and nothing is written)
   * and adds it to the outbox inside `trx`; topic from the type, key = subject (the aggregate id).
   */
  async enqueue(trx: Knex.Transaction, events: CloudEvent[]): Promise<void> {
    if (!trx.isTransaction) throw new OutboxOutsideTransactionError();
    if (events.length === 0) return;
    const rows = events.map((raw) => {
      const event = parseCloudEvent(raw, { upcast: 'none' });
      return { topic: topicForType(event.type), key: event.subject, event_id: event.id, event_type: event.type, event: JSON.stringify(event) };
    });
    await trx.table(this.table).insert(rows);
    await trx.raw("select pg_notify(?, '')", [outboxChannel(this.options.schema)]);
  }
}
