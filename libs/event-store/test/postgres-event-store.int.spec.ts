import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Client, Pool } from 'pg';
import { createTestDatabase, describeEachBackend, testInfrastructure, waitFor, type TestDatabase } from '@marketplace/testing';
import { EventIdConflictError, InvalidEventStoreRequestError, type NewEvent, PostgresEventStore, type RecordedEvent } from '../src';
import { appendQuery } from '../src/postgres/append-statement';
import { sqlNames } from '../src/postgres/sql-names';

jest.setTimeout(60_000);

const events = (count: number): NewEvent[] => Array.from({ length: count }, (_, n) => ({ id: randomUUID(), type: 'Noted', data: { n } }));

describeEachBackend(
  'postgres event store',
  [{ name: 'postgres', resolve: () => testInfrastructure().postgresUrl ?? { skip: 'no PostgreSQL (TEST_DATABASE_URL)' } }],
  () => {
    let database: TestDatabase;
    let pool: Pool;
    let store: PostgresEventStore;

    beforeAll(async () => {
      database = await createTestDatabase('event_store_pg');
      pool = new Pool({ connectionString: database.url, max: 10 });
      store = new PostgresEventStore({ pool, schema: 'orders', subscription: { batchSize: 50, pollIntervalMs: 100 } });
      await store.migrate();
    });
    afterAll(async () => {
      await store?.close();
      await pool?.end();
      await database?.drop();
    });

    it('migrates idempotently, also when several processes start at once', async () => {
      const starters = Array.from({ length: 5 }, () => new PostgresEventStore({ connectionString: database.url, schema: 'payments' }));
      await Promise.all(starters.map((s) => s.migrate()));
      await starters[0].migrate();
      await starters[0].appendToStream('payment-1', events(1), { expectedRevision: 'no_stream' });
      expect(await starters[1].readStream('payment-1')).toHaveLength(1);
      await Promise.all(starters.map((s) => s.close()));
    });

    it('moves a store made with a key on the global position onto (stream_id, revision), keeping its events', async () => {
      await pool.query(`CREATE SCHEMA legacy;
        CREATE TABLE legacy.streams (stream_id text PRIMARY KEY, revision bigint NOT NULL);
        CREATE TABLE legacy.events (
          global_position bigserial PRIMARY KEY, stream_id text NOT NULL, revision bigint NOT NULL, event_id uuid NOT NULL,
          type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL DEFAULT '{}',
          transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(), recorded_at timestamptz NOT NULL DEFAULT now(),
          CONSTRAINT events_stream_revision_key UNIQUE (stream_id, revision),
          CONSTRAINT events_stream_event_id_key UNIQUE (stream_id, event_id));
        INSERT INTO legacy.streams VALUES ('order-old', 0);
        INSERT INTO legacy.events (stream_id, revision, event_id, type, data) VALUES ('order-old', 0, gen_random_uuid(), 'Noted', '{}');`);
      const legacy = new PostgresEventStore({ pool, schema: 'legacy' });
      await legacy.migrate();
      await legacy.migrate();

      const { rows } = await pool.query<{ indexname: string; indexdef: string }>(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'legacy' AND tablename = 'events' ORDER BY indexname`,
      );
      expect(rows.map((row) => row.indexname)).toEqual(['events_pkey', 'events_stream_event_id_key', 'events_transaction_position_idx']);
      expect(rows[0].indexdef).toContain('(stream_id, revision)');
      await legacy.appendToStream('order-old', events(1), { expectedRevision: 0 });
      expect((await legacy.readStream('order-old')).map((e) => e.revision)).toEqual([0, 1]);
      await expect(legacy.appendToStream('order-old', events(1), { expectedRevision: 0 })).rejects.toMatchObject({ actual: 1 });
    });

    it('keeps each schema to itself', async () => {
      const other = new PostgresEventStore({ pool, schema: 'catalog' });
      await other.migrate();
      await other.appendToStream('product-1', events(1), { expectedRevision: 'no_stream' });
      expect(await store.readStream('product-1')).toEqual([]);
      expect((await store.readAll()).some((e) => e.streamId === 'product-1')).toBe(false);
    });

    it('answers an exact retry with the original result, position included', async () => {
      const batch = events(3);
      const original = await store.appendToStream('order-retry', batch, { expectedRevision: 'no_stream' });
      await store.appendToStream('order-retry', events(1), { expectedRevision: 2 });
      expect(await store.appendToStream('order-retry', batch, { expectedRevision: 'no_stream' })).toEqual(original);
    });

    // 'no_stream' waits on the stream's row, 'any' on the event id's unique key.
    it.each(['no_stream', 'any'] as const)('makes a retry (%s) that races its in-flight original wait for it, then answers as a no-op', async (expectedRevision) => {
      const stream = `order-race-${expectedRevision}`;
      const batch = events(2);
      const client = new Client({ connectionString: database.url });
      await client.connect();
      await client.query('BEGIN');
      await client.query(appendQuery(sqlNames('orders'), stream, batch, 'no_stream'));
      let retryDone = false;
      const retry = store.appendToStream(stream, batch, { expectedRevision }).finally(() => (retryDone = true));
      await delay(200);
      expect(retryDone).toBe(false);
      await client.query('COMMIT');
      await client.end();
      expect(await retry).toMatchObject({ nextExpectedRevision: 1 });
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('refuses ids partly repeated, or repeated away from where the expected revision puts them', async () => {
      const first = events(2);
      await store.appendToStream('order-conflict', first, { expectedRevision: 'no_stream' });

      const partial = await store.appendToStream('order-conflict', [first[1], ...events(1)], { expectedRevision: 1 }).catch((e) => e);
      expect(partial).toBeInstanceOf(EventIdConflictError);
      expect(partial).toMatchObject({ stream: 'order-conflict', existingEventIds: [first[1].id] });
      await expect(store.appendToStream('order-conflict', [first[1], first[0]], { expectedRevision: 'any' })).rejects.toBeInstanceOf(EventIdConflictError);
      await expect(store.appendToStream('order-conflict', first, { expectedRevision: 1 })).rejects.toBeInstanceOf(EventIdConflictError);
      expect(await store.readStream('order-conflict')).toHaveLength(2);
    });

    it('refuses a bad schema name and data that is not JSON with typed errors', async () => {
      expect(() => new PostgresEventStore({ pool, schema: 'Robert"; drop table x' })).toThrow(InvalidEventStoreRequestError);
      await expect(
        store.appendToStream('order-bad', [{ id: randomUUID(), type: 'Noted', data: { amount: 10n } }], { expectedRevision: 'any' }),
      ).rejects.toBeInstanceOf(InvalidEventStoreRequestError);
    });

    it('holds back events behind an open older transaction, and delivers them by polling once it ends (no NOTIFY)', async () => {
      const from = await store.headPosition();
      const received: RecordedEvent[] = [];
      const subscription = store.subscribeToAll({ fromPosition: from, filter: { streamPrefixes: ['order-horizon'] }, onEvent: async (e) => void received.push(e) });

      const older = new Client({ connectionString: database.url });
      await older.connect();
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      await store.appendToStream('order-horizon', events(2), { expectedRevision: 'no_stream' });
      await delay(400);
      expect(received).toHaveLength(0);

      await older.query('COMMIT');
      await older.end();
      await waitFor(() => received.length === 2, { timeoutMs: 5_000, description: 'the held-back events' });
      await subscription.stop();
    });

    it('looks again soon for announced events held back by an open transaction, instead of waiting for the poll interval', async () => {
      const patient = new PostgresEventStore({ pool, schema: 'orders', subscription: { batchSize: 50, pollIntervalMs: 30_000 } });
      const received: RecordedEvent[] = [];
      const subscription = patient.subscribeToAll({ fromPosition: await patient.headPosition(), filter: { streamPrefixes: ['order-soon'] }, onEvent: async (e) => void received.push(e) });
      await delay(200);

      const older = new Client({ connectionString: database.url });
      await older.connect();
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      await patient.appendToStream('order-soon', events(1), { expectedRevision: 'no_stream' });
      await delay(150);
      expect(received).toHaveLength(0);
      await older.query('COMMIT');
      await older.end();
      const committed = Date.now();
      await waitFor(() => received.length === 1, { timeoutMs: 5_000, description: 'the held-back event' });
      // The retries double from 5 ms; well under the 30 s poll interval.
      expect(Date.now() - committed).toBeLessThan(1_500);
      await subscription.stop();
      await patient.close();
    });

    it('looks again soon when a read delivered older events but left announced ones behind an open transaction', async () => {
      const patient = new PostgresEventStore({ pool, schema: 'orders', subscription: { batchSize: 50, pollIntervalMs: 30_000 } });
      const received: string[] = [];
      const subscription = patient.subscribeToAll({ fromPosition: await patient.headPosition(), filter: { streamPrefixes: ['order-mixed'] }, onEvent: async (e) => void received.push(e.streamId) });
      await delay(200);

      // A transaction that wrote before the open one began: readable once it commits (it sends no NOTIFY).
      const earlier = new Client({ connectionString: database.url });
      await earlier.connect();
      await earlier.query('BEGIN');
      await earlier.query(`INSERT INTO orders.events (stream_id, revision, event_id, type, data) VALUES ('order-mixed-early', 0, $1, 'Noted', '{}')`, [randomUUID()]);
      const open = new Client({ connectionString: database.url });
      await open.connect();
      await open.query('BEGIN');
      await open.query('SELECT pg_current_xact_id()');
      await earlier.query('COMMIT');
      await earlier.end();
      // Its NOTIFY wakes the subscription, whose read finds the earlier event but not this one.
      await patient.appendToStream('order-mixed-late', events(1), { expectedRevision: 'no_stream' });
      await waitFor(() => received.length === 1, { timeoutMs: 5_000, description: 'the earlier event' });
      expect(received).toEqual(['order-mixed-early']);

      await open.query('COMMIT');
      await open.end();
      // Well before the 30 s poll interval.
      await waitFor(() => received.length === 2, { timeoutMs: 5_000, description: 'the held-back event' });
      expect(received).toEqual(['order-mixed-early', 'order-mixed-late']);
      await subscription.stop();
      await patient.close();
    });

    it('orders the global log by transaction id as a number, in reads and in the head position', async () => {
      const ledger = new PostgresEventStore({ pool, schema: 'ledger' });
      await ledger.migrate();
      // Rows as transactions 9 and 10 would have left them (text order would put 10 first).
      await pool.query(
        `INSERT INTO ledger.events (stream_id, revision, event_id, type, data, transaction_id)
         VALUES ('a', 0, $1, 'Noted', '{}', '10'::xid8), ('b', 0, $2, 'Noted', '{}', '9'::xid8)`,
        [randomUUID(), randomUUID()],
      );
      const log = await ledger.readAll();
      expect(log.map((e) => e.position)).toEqual([
        { commit: 9n, prepare: 2n },
        { commit: 10n, prepare: 1n },
      ]);
      expect(await ledger.readAll({ fromPosition: log[0].position })).toHaveLength(1);
      expect(await ledger.headPosition()).toEqual({ commit: 10n, prepare: 1n });
    });

    it('reads the next full batch while handing over the current one, delivering every event once and in order', async () => {
      const reader = new PostgresEventStore({ pool, schema: 'read_ahead', subscription: { batchSize: 3, pollIntervalMs: 100 } });
      await reader.migrate();
      await reader.appendToStream('ahead-1', events(7), { expectedRevision: 'no_stream' });
      const reads = jest.spyOn(pool, 'query');
      const logReads = () => reads.mock.calls.filter(([sql]) => String(sql).includes('pg_snapshot_xmin')).length;
      const seen: number[] = [];
      const subscription = reader.subscribeToAll({
        onEvent: async (event) => {
          // The second read starts before the first batch's first event has been handled.
          if (seen.length === 0) await waitFor(() => logReads() >= 2, { timeoutMs: 5_000 });
          seen.push((event.data as { n: number }).n);
        },
      });
      await waitFor(() => seen.length === 7, { timeoutMs: 10_000 });
      await subscription.stop();
      reads.mockRestore();
      expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
    });

    it('ends with the error of the handler while a read ahead is in flight, and closes cleanly', async () => {
      const reader = new PostgresEventStore({ pool, schema: 'read_ahead', subscription: { batchSize: 3, pollIntervalMs: 100 } });
      const failing = reader.subscribeToAll({
        onEvent: async () => {
          throw new Error('handler failed');
        },
      });
      await expect(failing.done).rejects.toThrow('handler failed');
      const stopped = reader.subscribeToAll({ onEvent: async () => undefined });
      await reader.close();
      await expect(stopped.done).resolves.toBeUndefined();
    });

    it('stops subscriptions on abort and on close()', async () => {
      const controller = new AbortController();
      const aborted = store.subscribeToAll({ onEvent: async () => undefined, signal: controller.signal });
      controller.abort();
      await expect(aborted.done).resolves.toBeUndefined();

      const own = new PostgresEventStore({ connectionString: database.url, schema: 'orders' });
      const open = own.subscribeToAll({ onEvent: async () => undefined });
      await own.close();
      await expect(open.done).resolves.toBeUndefined();
    });
  },
);
