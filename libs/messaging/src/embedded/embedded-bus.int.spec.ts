import { Client } from 'pg';
import type { CloudEvent } from '@marketplace/contracts';
import { createTestDatabase, type TestDatabase } from '@marketplace/testing';
import { eventually, testEvent } from '../../test/bus-backends';
import type { IncomingMessage } from '../port';
import { EmbeddedBus, type EmbeddedBusOptions } from './embedded-bus';

// What only the embedded bus has to prove on its own: the log under concurrent writers, and leases.
jest.setTimeout(60_000);

const FAST: Partial<EmbeddedBusOptions> = { logger: () => undefined, tuning: { heartbeatMs: 100, leaseMs: 1_500, pollMs: 250 } };

describe('embedded bus', () => {
  let db: TestDatabase;
  const buses: EmbeddedBus[] = [];
  const bus = (clientId = 'test') => {
    const b = new EmbeddedBus({ clientId, databaseUrl: db.url, ...FAST });
    buses.push(b);
    return b;
  };

  beforeEach(async () => {
    db = await createTestDatabase('embedded_bus');
  });

  afterEach(async () => {
    await Promise.all(buses.splice(0).map((b) => b.close()));
    await db.drop();
  });

  it('creates its schema and topics once when several processes start together', async () => {
    const clients = [bus('a'), bus('b'), bus('c'), bus('d')];
    await Promise.all(clients.map((c) => c.ensureTopics(['t.one', 't.two'], 4)));
    await clients[0].ensureTopics(['t.one'], 9); // an existing topic keeps its partitions
    const { rows } = await query(`SELECT topic, count(*)::int AS n FROM bus.partitions GROUP BY topic ORDER BY topic`);
    expect(rows).toEqual([
      { topic: 't.one', n: 4 },
      { topic: 't.two', n: 4 },
    ]);
  });

  it('gives gapless offsets under concurrent writers, and a tailing reader gets each message once, in order', async () => {
    const topic = 'contended';
    await bus().ensureTopics([topic], 3);
    const received: IncomingMessage[] = [];
    await bus('reader').consumer({ groupId: 'tail', topics: [topic], onMessage: async (m) => void received.push(m) });

    const writers = 8;
    const perWriter = 40;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const producer = await bus(`writer-${w}`).producer();
        for (let seq = 0; seq < perWriter; ) {
          const chunk = 1 + ((w + seq) % 5);
          const events: CloudEvent[] = [];
          for (let i = 0; i < chunk && seq < perWriter; i++, seq++) events.push(testEvent(`key-${seq % 5}`, seq, { writer: w }));
          await producer.send(events.map((value) => ({ topic, key: value.subject, value })));
        }
      }),
    );

    await eventually(() => expect(received).toHaveLength(writers * perWriter));
    const byPartition = new Map<number, number[]>();
    const byWriterAndKey = new Map<string, number[]>();
    for (const m of received) {
      byPartition.set(m.partition, [...(byPartition.get(m.partition) ?? []), Number(m.offset)]);
      const event = JSON.parse(m.value.toString()) as CloudEvent<{ seq: number; writer: number }>;
      const id = `${event.data.writer}/${event.subject}`;
      byWriterAndKey.set(id, [...(byWriterAndKey.get(id) ?? []), event.data.seq]);
    }
    for (const offsets of byPartition.values()) expect(offsets).toEqual(offsets.map((_, i) => i));
    for (const seqs of byWriterAndKey.values()) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const { rows } = await query(`SELECT sum(next_offset)::int AS total FROM bus.partitions WHERE topic = $1`, [topic]);
    expect(rows[0].total).toBe(writers * perWriter);
  });

  it('takes over the partitions of a member that died without leaving, once its lease expires', async () => {
    const topic = 'orphaned';
    const b = bus();
    await b.ensureTopics([topic], 3);
    const producer = await b.producer();
    await producer.send(Array.from({ length: 9 }, (_, i) => ({ topic, key: `k-${i}`, value: testEvent(`k-${i}`, 0) })));
    // What a crashed member leaves behind: its membership and its partitions, leased for a while longer.
    await query(`INSERT INTO bus.group_members VALUES ('g', 'crashed', ARRAY[$1], clock_timestamp() + interval '1500 milliseconds')`, [topic]);
    await query(
      `INSERT INTO bus.group_partitions SELECT 'g', topic, partition, 0, 'crashed', clock_timestamp() + interval '1500 milliseconds' FROM bus.partitions WHERE topic = $1`,
      [topic],
    );
    const leaseEnds = Date.now() + 1_500;
    const received: { at: number; message: IncomingMessage }[] = [];
    await bus('survivor').consumer({ groupId: 'g', topics: [topic], onMessage: async (message) => void received.push({ at: Date.now(), message }) });
    await eventually(() => expect(received).toHaveLength(9));
    expect(Math.min(...received.map((r) => r.at))).toBeGreaterThanOrEqual(leaseEnds - 200);
    const { rows } = await query(`SELECT DISTINCT owner FROM bus.group_partitions WHERE group_id = 'g'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].owner).toMatch(/^survivor-/);
  });

  async function query(sql: string, params: unknown[] = []) {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return await client.query(sql, params);
    } finally {
      await client.end();
    }
  }
});
