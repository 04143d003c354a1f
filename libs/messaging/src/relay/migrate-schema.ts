import type { Knex } from 'knex';

/**
 * Creates a messaging table (outbox, inbox, relay checkpoints) in a service's schema. Processes that
 * start together race on CREATE ... IF NOT EXISTS, so each migration holds a transaction-scoped
 * advisory lock for the schema. Works inside a knex migration too (it then runs in a savepoint).
 */
export async function migrateSchema(db: Knex, schema: string, statements: readonly [sql: string, bindings: readonly Knex.RawBinding[]][]): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`messaging-schema:${schema}`]);
    await trx.raw('create schema if not exists ??', [schema]);
    for (const [sql, bindings] of statements) await trx.raw(sql, bindings);
  });
}
