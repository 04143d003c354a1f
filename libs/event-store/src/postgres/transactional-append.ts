import type { NewEvent } from '../port';
import { validateAppend } from '../request-validation';
import { serializeEvents } from './append-statement';
import { sqlNames } from './sql-names';

export interface StreamAppend {
  stream: string;
  events: NewEvent[];
}

/**
 * Runs one statement in the caller's transaction. Its placeholders are knex's (`?`): services hold their
 * transactions (inbox, outbox, read models) in knex, e.g. `(sql, bindings) => trx.raw(sql, bindings)`.
 */
export type TransactionQuery = (sql: string, bindings: unknown[]) => Promise<unknown>;

/**
 * Appends to several streams of the PostgreSQL store in `schema` in ONE statement, inside a transaction
 * the caller holds (so the events commit with, say, its inbox rows). Each stream's events go in the order
 * given, with expected revision 'any', through the store's own append function; streams in the order
 * given. An event id already in its stream fails the statement (a unique violation) and with it the
 * caller's transaction: the caller appends only events it knows are new. Nothing wakes subscribers until
 * `announceAppends` after the commit.
 */
export async function appendToStreamsWithin(query: TransactionQuery, schema: string, appends: readonly StreamAppend[]): Promise<void> {
  const names = sqlNames(schema);
  for (const { stream, events } of appends) validateAppend(stream, events, 'any');
  const payload = appends.map(({ stream, events }) => `{"stream":${JSON.stringify(stream)},"events":${serializeEvents(events)}}`);
  await query(
    `SELECT count(*) FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY AS a (x, ord)
      CROSS JOIN LATERAL ${names.appendFunction}(a.x->>'stream', 'any', a.x->'events') AS appended`,
    [`[${payload.join(',')}]`],
  );
}

/**
 * Wakes the subscribers of the store in `schema` after appends made with `appendToStreamsWithin` have
 * committed (a NOTIFY inside the transaction would serialise commits). Subscribers also poll, so a
 * notification lost here only delays them.
 */
export async function announceAppends(query: TransactionQuery, schema: string): Promise<void> {
  await query('SELECT pg_notify(?, ?)', [sqlNames(schema).channel, '']);
}
