import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { describeEachBackend, pgvectorBackend } from '../backends';
import { testInfrastructure } from '../infrastructure';
import { createTestDatabase } from '../test-database';
import { uniqueTopic } from '../unique-name';
import { waitFor } from '../wait-for';

// Proves that what the global setup published is real, reachable infrastructure.
const infra = testInfrastructure();
const unset = (variable: string) => ({ skip: `${variable} not set` });
// A fresh broker creates its offsets topic on the first group join, which alone can take seconds.
const TIMEOUT_MS = 60_000;

describeEachBackend('test infrastructure', [{ name: 'postgres', resolve: () => infra.postgresUrl ?? unset('TEST_DATABASE_URL') }], (url) => {
  it('creates a throwaway database that accepts connections, and drops it', async () => {
    const db = await createTestDatabase('infra_probe');
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ db: string; ok: number }>('SELECT current_database() AS db, 1 AS ok');
      expect(rows[0]).toEqual({ db: new URL(db.url).pathname.slice(1), ok: 1 });
    } finally {
      await client.end();
      await db.drop();
    }
    const admin = new Client({ connectionString: url() });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [new URL(db.url).pathname.slice(1)]);
      expect(rowCount).toBe(0);
    } finally {
      await admin.end();
    }
  }, TIMEOUT_MS);
});

describeEachBackend('test infrastructure', [pgvectorBackend()], (url) => {
  it('has pgvector: an HNSW cosine index orders the nearest vector first', async () => {
    const client = new Client({ connectionString: url() });
    await client.connect();
    // One transaction rolled back: the extension, the table and its index leave nothing behind.
    await client.query('BEGIN');
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS vector');
      await client.query('CREATE TEMP TABLE probe (id int PRIMARY KEY, embedding vector(3))');
      await client.query("INSERT INTO probe VALUES (1, '[1,0,0]'), (2, '[0,1,0]'), (3, '[0.9,0.1,0]')");
      await client.query('CREATE INDEX ON probe USING hnsw (embedding vector_cosine_ops)');
      await client.query('SET LOCAL enable_seqscan = off');
      const query = "SELECT id FROM probe ORDER BY embedding <=> '[0,1,0.1]' LIMIT 2";
      const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query}`);
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('Index Scan using probe_embedding_idx');
      const { rows } = await client.query<{ id: number }>(query);
      expect(rows.map((r) => r.id)).toEqual([2, 3]);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  }, TIMEOUT_MS);
});

describeEachBackend('test infrastructure', [{ name: 'kafka', resolve: () => infra.kafkaBrokers ?? unset('TEST_KAFKA_BROKERS') }], (brokers) => {
  it('creates a topic and carries a keyed message from a producer to a consumer group', async () => {
    const kafka = new Kafka({ clientId: 'infra-probe', brokers: brokers(), logLevel: logLevel.NOTHING });
    const topic = uniqueTopic('infra-probe');
    const admin = kafka.admin();
    const producer = kafka.producer({ idempotent: true });
    const consumer = kafka.consumer({ groupId: `${topic}-group` });
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: 2, replicationFactor: 1 }], waitForLeaders: true });
      expect(await admin.listTopics()).toContain(topic);

      await producer.connect();
      await producer.send({ topic, acks: -1, messages: [{ key: 'order-1', value: 'hello', headers: { 'ce-type': 'probe' } }] });

      const received: { key: string; value: string; type: string }[] = [];
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          received.push({ key: String(message.key), value: String(message.value), type: String(message.headers?.['ce-type']) });
        },
      });
      await waitFor(() => received.length > 0, { timeoutMs: 60_000, description: 'the consumer to receive the message' });
      expect(received).toEqual([{ key: 'order-1', value: 'hello', type: 'probe' }]);
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  }, TIMEOUT_MS);
});

describeEachBackend('test infrastructure', [{ name: 'stripe-mock', resolve: () => infra.stripeApiBase ?? unset('TEST_STRIPE_API_BASE') }], (base) => {
  it('answers the Stripe API with a confirmed PaymentIntent', async () => {
    const response = await fetch(`${base()}/v1/payment_intents`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk_test_infra', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ amount: '1999', currency: 'eur', payment_method: 'pm_card_visa', confirm: 'true' }),
    });
    expect(response.status).toBe(200);
    const intent = (await response.json()) as { object: string; amount: number; currency: string };
    expect(intent).toMatchObject({ object: 'payment_intent', amount: 1999, currency: 'eur' });
  }, TIMEOUT_MS);
});
