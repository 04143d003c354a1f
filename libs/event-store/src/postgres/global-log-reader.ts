import type { Pool } from 'pg';
import type { Position, RecordedEvent } from '../port';
import { EVENT_COLUMNS, type EventRow, recordedEventFromRow } from './row-mapping';
import type { SqlNames } from './sql-names';

/** A read of the global log, and whether it left committed events behind the snapshot horizon. */
export interface GlobalLogPage {
  events: RecordedEvent[];
  /**
   * Committed events wait behind a transaction still running: they become readable when it ends, with no
   * NOTIFY of their own. Seen in the same snapshot as `events`.
   */
  heldBack: boolean;
}

/**
 * Reads the global log in (transaction id, position) order, strictly after `after`, and only rows whose
 * transaction is older than every transaction still running (`pg_snapshot_xmin`). A transaction that
 * took a lower position but commits later always has an id at or above that horizon, so it sorts after
 * anything already read and is never skipped; it becomes readable once it has committed. A null limit
 * reads to the end. One statement, so `heldBack` and the events come from one snapshot.
 */
export async function readGlobalLog(pool: Pool, names: SqlNames, after: Position | undefined, limit: number | null): Promise<GlobalLogPage> {
  const values: unknown[] = [limit];
  let fromClause = '';
  if (after) {
    values.push(after.commit.toString(), after.prepare.toString());
    fromClause = 'AND (transaction_id, global_position) > ($2::xid8, $3::bigint)';
  }
  // One row even when no event is readable (its event columns null), to carry held_back.
  const { rows } = await pool.query<Partial<EventRow> & { held_back: boolean }>(
    `SELECT e.*, h.held_back
       FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon) s
      CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM ${names.events} WHERE transaction_id >= s.horizon) AS held_back) h
       LEFT JOIN LATERAL (
            SELECT ${EVENT_COLUMNS}, transaction_id AS log_transaction_id
              FROM ${names.events}
             WHERE transaction_id < s.horizon ${fromClause}
             ORDER BY transaction_id, global_position
             LIMIT $1) e ON true
      ORDER BY e.log_transaction_id, e.global_position`,
    values,
  );
  const events = rows.filter((row): row is EventRow & { held_back: boolean } => row.event_id != null).map(recordedEventFromRow);
  return { events, heldBack: rows[0]?.held_back ?? false };
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
