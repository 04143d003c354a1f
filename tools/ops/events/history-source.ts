import type { OutgoingMessage } from '@marketplace/messaging';
import type { Pool } from 'pg';
import type { RepublishFilter } from './republish-filter';

/** Where one service keeps what its relay published, read back as the very messages it sent. */
export interface HistorySource {
  readonly service: string;
  /** The published messages that pass the filter, oldest first (per key in publishing order), page by page. */
  messages(pool: Pool, filter: RepublishFilter): AsyncIterable<OutgoingMessage[]>;
}

/** Rows read per query. */
export const HISTORY_PAGE = 500;

/** False when the service never ran against this database (its schema or table is missing). */
export async function tableExists(pool: Pool, table: string): Promise<boolean> {
  const { rows } = await pool.query<{ found: boolean }>('select to_regclass($1) is not null as found', [table]);
  return rows[0].found;
}
