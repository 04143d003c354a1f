import type { Pool } from 'pg';
import type { Position, RecordedEvent } from '../port';
import { EVENT_COLUMNS, type EventRow, recordedEventFromRow } from './row-mapping';
import type { SqlNames } from './sql-names';

/**
 * Reads the global log in (transaction id, position) order, strictly after `after`, and only rows whose
 * transaction is older than every transaction still running (`pg_snapshot_xmin`). A transaction that
 * took a lower position but commits later always has an id at or above that horizon, so it sorts after
 * anything already read and is never skipped; it becomes readable once it has committed. A null limit
 * reads to the end.
 */
export async function readGlobalLog(pool: Pool, names: SqlNames, after: Position | undefined, limit: number | null): Promise<RecordedEvent[]> {
  const values: unknown[] = [limit];
  let fromClause = '';
  if (after) {
    values.push(after.commit.toString(), after.prepare.toString());
    fromClause = 'AND (transaction_id, global_position) > ($2::xid8, $3::bigint)';
  }
  const { rows } = await pool.query<EventRow>(
    `SELECT ${EVENT_COLUMNS}
       FROM ${names.events}
      WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot()) ${fromClause}
      ORDER BY transaction_id, global_position
      LIMIT $1`,
    values,
  );
  return rows.map(recordedEventFromRow);
}

/**
 * Whether any committed event sorts after `after`, readable or still behind the snapshot horizon: a reader
 * that has read to `after` and gets true has more to read, now or once an open transaction ends (which
 * sends no NOTIFY).
 */
export async function hasEventsAfter(pool: Pool, names: SqlNames, after: Position | undefined): Promise<boolean> {
  const { rows } = after
    ? await pool.query<{ found: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${names.events} WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)) AS found`,
        [after.commit.toString(), after.prepare.toString()],
      )
    : await pool.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${names.events}) AS found`);
  return rows[0].found;
}

/**
 * The newest committed position, without readGlobalLog's horizon: an event committed behind a
 * transaction still open elsewhere on the server is not readable yet, but a reader that has not read it
 * is not caught up, so lag counts it until the horizon passes and the reader gets it.
 */
export async function readHeadPosition(pool: Pool, names: SqlNames): Promise<Position | undefined> {
  const { rows } = await pool.query<{ transaction_id_text: string; global_position: string }>(
    `SELECT transaction_id::text AS transaction_id_text, global_position
       FROM ${names.events}
      ORDER BY transaction_id DESC, global_position DESC
      LIMIT 1`,
  );
  return rows[0] ? { commit: BigInt(rows[0].transaction_id_text), prepare: BigInt(rows[0].global_position) } : undefined;
}
