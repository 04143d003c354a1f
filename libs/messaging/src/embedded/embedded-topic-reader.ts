import type { Pool } from 'pg';
import type { IncomingMessage } from '../port';
import type { BusTables } from './bus-tables';

interface MessageRow {
  partition: number;
  offset: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/** A topic's whole log, by partition then offset; one snapshot, so it ends where the topic ended when read. */
export async function readEmbeddedTopic(pool: Pool, t: BusTables, topic: string): Promise<IncomingMessage[]> {
  const { rows } = await pool.query<MessageRow>(
    `SELECT partition, "offset"::text AS "offset", key, value, headers FROM ${t.messages} WHERE topic = $1 ORDER BY partition, "offset"`,
    [topic],
  );
  return rows.map((row) => ({ topic, ...row }));
}
