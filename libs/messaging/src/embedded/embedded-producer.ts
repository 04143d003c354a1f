import { withTransaction } from '@marketplace/postgres';
import { BusClosedError, encodeMessage } from '../bus-support';
import type { OutgoingMessage, Producer } from '../port';
import type { EmbeddedContext } from './embedded-context';
import { partitionForKey } from './partition-for-key';

interface Encoded {
  key: string;
  value: Buffer;
  headers: string;
}

/**
 * Appends a send() in one transaction: all of it is durable once send() resolves, or none of it is.
 * Writing to a topic that does not exist yet creates it with the default partition count.
 */
export class EmbeddedProducer implements Producer {
  private closed = false;

  constructor(private readonly ctx: EmbeddedContext) {}

  async send(messages: OutgoingMessage[]): Promise<void> {
    if (this.closed) throw new BusClosedError('embedded bus producer');
    if (messages.length === 0) return;
    const encoded = messages.map(encodeMessage);
    const topics = [...new Set(encoded.map((m) => m.topic))];
    const counts = await this.ctx.partitionCounts(topics);
    const { pool, tables: t } = this.ctx;

    const batches = new Map<string, { topic: string; partition: number; messages: Encoded[] }>();
    for (const m of encoded) {
      const partition = partitionForKey(m.key, counts.get(m.topic) as number);
      const id = `${m.topic}\u0000${partition}`;
      const batch = batches.get(id) ?? { topic: m.topic, partition, messages: [] };
      batch.messages.push({ key: m.key, value: m.value, headers: JSON.stringify(m.headers) });
      batches.set(id, batch);
    }
    // Always lock partitions in the same order, so two multi-partition sends cannot deadlock.
    const ordered = [...batches.values()].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));

    await withTransaction(pool, async (client) => {
      for (const batch of ordered) {
        const n = batch.messages.length;
        // The row lock taken here is held to COMMIT: the next writer of this partition waits, so
        // offsets are gapless and a lower offset is never committed after a higher one.
        const { rows } = await client.query<{ first: string }>(
          `UPDATE ${t.partitions} SET next_offset = next_offset + $3 WHERE topic = $1 AND partition = $2 RETURNING (next_offset - $3)::text AS first`,
          [batch.topic, batch.partition, n],
        );
        await client.query(
          `INSERT INTO ${t.messages} (topic, partition, "offset", key, value, headers)
           SELECT $1, $2, $3::bigint + m.ord - 1, m.key, m.value, m.headers
           FROM unnest($4::text[], $5::bytea[], $6::jsonb[]) WITH ORDINALITY AS m(key, value, headers, ord)`,
          [batch.topic, batch.partition, rows[0].first, batch.messages.map((m) => m.key), batch.messages.map((m) => m.value), batch.messages.map((m) => m.headers)],
        );
      }
      await client.query('SELECT pg_notify($1, topic) FROM unnest($2::text[]) AS topic', [t.channel, topics]);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
