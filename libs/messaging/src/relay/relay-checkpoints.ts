import type { Position } from '@marketplace/event-store';
import type { Knex } from 'knex';
import { type ClientBase, escapeIdentifier } from 'pg';
import { migrateSchema } from './migrate-schema';

/** Durable positions of the event-store relays, by relay name, in the service's schema. */
export class RelayCheckpoints {
  private readonly table: string;

  constructor(private readonly schema: string) {
    this.table = `${escapeIdentifier(schema)}.relay_checkpoints`;
  }

  async migrate(db: Knex): Promise<void> {
    await migrateSchema(db, this.schema, [
      [
        `create table if not exists ?? (
           name text primary key,
           commit numeric(20, 0) not null,
           prepare numeric(20, 0) not null,
           updated_at timestamptz not null default now()
         )`,
        [`${this.schema}.relay_checkpoints`],
      ],
    ]);
  }

  async load(client: ClientBase, name: string): Promise<Position | undefined> {
    const { rows } = await client.query<{ commit: string; prepare: string }>(
      `select commit::text, prepare::text from ${this.table} where name = $1`,
      [name],
    );
    return rows.length === 0 ? undefined : { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) };
  }

  async save(client: ClientBase, name: string, position: Position): Promise<void> {
    await client.query(
      `insert into ${this.table} (name, commit, prepare) values ($1, $2, $3)
       on conflict (name) do update set commit = excluded.commit, prepare = excluded.prepare, updated_at = now()`,
      [name, position.commit.toString(), position.prepare.toString()],
    );
  }
}
