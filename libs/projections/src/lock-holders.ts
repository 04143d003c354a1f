import type { Knex } from 'knex';
import { LOCK_SPACE } from './advisory-lock';

/** The session holding one of a projection's advisory locks, as PostgreSQL knows it. */
export interface LockHolder {
  pid: number;
  /** The client's `application_name` (the ops CLI sets one; services may leave it empty). */
  application: string;
  clientAddress: string | null;
  since: Date;
}

/** Key of the lock a process holds while it runs a projection's live runner. */
export const liveLockKey = (schema: string, projection: string) => `live:${schema}.${projection}`;
/** Key of the lock a rebuild holds from start to swap. */
export const rebuildLockKey = (schema: string, projection: string) => `rebuild:${schema}.${projection}`;

/** Who runs the projection and who rebuilds it right now (in any process on this database). */
export async function projectionLockHolders(knex: Knex, schema: string, projection: string): Promise<{ live?: LockHolder; rebuild?: LockHolder }> {
  const [live, rebuild] = await Promise.all([lockHolder(knex, liveLockKey(schema, projection)), lockHolder(knex, rebuildLockKey(schema, projection))]);
  return { ...(live && { live }), ...(rebuild && { rebuild }) };
}

export async function lockHolder(knex: Knex, key: string): Promise<LockHolder | undefined> {
  const { rows } = await knex.raw<{ rows: { pid: number; application: string; client: string | null; since: Date }[] }>(
    // A two-key advisory lock shows its keys as classid and objid, with objsubid 2.
    `SELECT a.pid, a.application_name AS application, host(a.client_addr) AS client, a.backend_start AS since
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.classid = hashtext(?)::oid AND l.objid = hashtext(?)::oid`,
    [LOCK_SPACE, key],
  );
  const row = rows[0];
  return row && { pid: row.pid, application: row.application, clientAddress: row.client, since: row.since };
}

/** One phrase naming a holder, e.g. `marketplace-ops pid 42 on host (PostgreSQL backend 1234 since ...)`. */
export function describeLockHolder(holder: LockHolder): string {
  const who = holder.application || `a client at ${holder.clientAddress ?? 'a local socket'}`;
  return `${who} (PostgreSQL backend ${holder.pid}, connected since ${holder.since.toISOString()})`;
}
