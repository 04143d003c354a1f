import { randomUUID } from 'node:crypto';
import { comparePositions, type Position, type RecordedEvent } from '@marketplace/event-store';
import { Registry } from 'prom-client';
import { LAG_METRIC, ProjectionVersionMismatchError } from '../src';
import { createTestDatabase, describeEachBackend, testInfrastructure, waitFor, type TestDatabase } from '@marketplace/testing';
import { CheckpointStore } from '../src/checkpoint-store';
import { PostgresProjectionSink } from '../src/postgres-projection-sink';
import { eventLogProjection } from './fixtures/event-log/projection';
import type { OrderTotalsEvent } from './fixtures/order-totals/events';
import { evolve, type OrderTotalsRow } from './fixtures/order-totals/evolve';
import { appendOrders } from './fixtures/order-totals/order-traffic';
import { orderTotalsProjection } from './fixtures/order-totals/projection';
import { caughtUp, rows, serviceUnderTest, type ServiceUnderTest } from './support';

interface EventLogRow {
  event_id: string;
}

/** What the order-totals table must hold: the fixture's evolve folded over the whole log in memory. */
function expectedOrderTotals(events: RecordedEvent[]): OrderTotalsRow[] {
  const byOrder = new Map<string, OrderTotalsRow | undefined>();
  for (const event of events) {
    const typed = event as unknown as OrderTotalsEvent;
    byOrder.set(typed.data.orderId, evolve(byOrder.get(typed.data.orderId), typed));
  }
  return [...byOrder.values()].filter((row) => row !== undefined).sort((a, b) => a.order_id.localeCompare(b.order_id));
}

/** Appends `count` events one by one; returns their ids and the last one's position. */
/** Appends `count` events (with the given ids, else new ones). */
async function appendNoise(service: ServiceUnderTest, count: number, given: string[] = []): Promise<{ ids: string[]; last: Position }> {
  const ids: string[] = [];
  let last: Position | undefined;
  for (let i = 0; i < count; i += 1) {
    const id = given[i] ?? randomUUID();
    ids.push(id);
    ({ position: last } = await service.store.appendToStream(`noise-${i % 5}`, [{ id, type: 'NoiseHappened', data: { i } }], { expectedRevision: 'any' }));
  }
  if (!last) throw new RangeError('appendNoise needs a count of at least 1');
  return { ids, last };
}

// Rebuilds and catch-ups over real PostgreSQL take longer than jest's default 5 s.
jest.setTimeout(60_000);

describeEachBackend('projections', [{ name: 'postgres', resolve: () => testInfrastructure().postgresUrl ?? { skip: 'no PostgreSQL (TEST_DATABASE_URL)' } }], () => {
  let database: TestDatabase;
  let service: ServiceUnderTest;

  beforeAll(async () => {
    database = await createTestDatabase('projections');
  });
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    service = await serviceUnderTest(database.url);
  });
  afterEach(async () => {
    await service.close();
  });

  const eventLogIds = async (orderBy: 'seq' | 'event_id' = 'seq') =>
    (await rows<EventLogRow>(service.knex, `"${service.schema}".event_log`, orderBy)).map((row) => row.event_id);

  describe('checkpoint and read model commit together', () => {
    it('an apply that throws mid-batch leaves both the rows and the checkpoint unchanged', async () => {
      const poison = new Set<string>();
      const projection = eventLogProjection(poison);
      const engine = await service.engine([projection]);
      engine.start();
      const first = await appendNoise(service, 5);
      await caughtUp(engine, 'event-log', first.last);
      await engine.stop();
      const before = (await engine.status())[0].checkpoint;

      const next = await appendNoise(service, 10);
      poison.add(next.ids[6]);
      const events = await waitFor(async () => {
        const read = await service.store.readAll({ fromPosition: before });
        return read.length === 10 ? read : undefined;
      });
      const sink = new PostgresProjectionSink(service.knex, new CheckpointStore(service.schema), service.schema, projection, 'live');

      await expect(sink.write(events)).rejects.toThrow(/poison event/);
      expect(await sink.checkpoint()).toEqual(before);
      expect(await eventLogIds()).toEqual(first.ids);

      // The same batch twice once the cause is gone: applied once, checkpoint at its end.
      poison.clear();
      await sink.write(events);
      await sink.write(events);
      expect(await sink.checkpoint()).toEqual(next.last);
      expect(await eventLogIds()).toEqual([...first.ids, ...next.ids]);
    });

    it('a running projection stuck on a failing event reports it, holds rows exactly up to its checkpoint, and resumes once it passes', async () => {
      const poison = new Set<string>();
      const engine = await service.engine([eventLogProjection(poison)], { batchSize: 4 });
      engine.start();
      const first = await appendNoise(service, 3);
      await caughtUp(engine, 'event-log', first.last);

      // Poisoned before it is appended: a live runner may apply an event as soon as it is written.
      const moreIds = Array.from({ length: 6 }, () => randomUUID());
      poison.add(moreIds[3]);
      const more = await appendNoise(service, 6, moreIds);
      await waitFor(async () => (await engine.status())[0].lastError?.includes('poison event'), { description: 'the failure in status' });
      const { checkpoint } = (await engine.status())[0];
      const covered = (await service.store.readAll()).filter((event) => checkpoint && comparePositions(event.position, checkpoint) <= 0);
      const stuck = await eventLogIds();
      expect(stuck).toEqual(covered.map((event) => event.id));
      expect(stuck).not.toContain(more.ids[3]);

      poison.clear();
      await caughtUp(engine, 'event-log', more.last);
      expect(await eventLogIds()).toEqual([...first.ids, ...more.ids]);
      expect((await engine.status())[0].lastError).toBeUndefined();
    });
  });

  describe('restarts', () => {
    it('a restarted engine resumes from its checkpoint with no duplicate and no gap', async () => {
      const first = await service.engine([eventLogProjection()]);
      first.start();
      const before = await appendNoise(service, 30);
      await caughtUp(first, 'event-log', before.last);
      await first.stop();
      expect((await first.status())[0].state).toBe('stopped');

      const after = await appendNoise(service, 30);
      const second = await service.engine([eventLogProjection()]);
      second.start();
      await caughtUp(second, 'event-log', after.last);

      expect(await eventLogIds()).toEqual([...before.ids, ...after.ids]);
    });

    it('only one process runs a projection; another stands by and takes over when it stops', async () => {
      const active = await service.engine([eventLogProjection()]);
      const standby = await service.engine([eventLogProjection()]);
      active.start();
      await waitFor(async () => (await active.status())[0].state === 'running');
      standby.start();
      const before = await appendNoise(service, 20);
      await caughtUp(active, 'event-log', before.last);
      expect((await standby.status())[0].state).toBe('standby');

      await active.stop();
      const after = await appendNoise(service, 20);
      await caughtUp(standby, 'event-log', after.last);
      expect(await eventLogIds()).toEqual([...before.ids, ...after.ids]);
    });
  });

  describe('rebuild', () => {
    it('rebuilds into shadow tables while writes and reads continue, then swaps in the same read model', async () => {
      const engine = await service.engine([orderTotalsProjection(), eventLogProjection()]);
      engine.start();
      let last = await appendOrders(service.store, 'before', 150);
      await caughtUp(engine, 'order-totals', last);

      let writing = true;
      const writer = (async () => {
        for (let round = 0; writing; round += 1) last = await appendOrders(service.store, `during-${round}`, 10);
      })();
      let reads = 0;
      let readFailures = 0;
      const reader = (async () => {
        while (writing) {
          await service.knex.raw(`SELECT count(*) FROM "${service.schema}".order_totals`).then(
            () => (reads += 1),
            () => (readFailures += 1),
          );
        }
      })();

      const orderTotals = await engine.rebuild('order-totals');
      const eventLog = await engine.rebuild('event-log');
      writing = false;
      await Promise.all([writer, reader]);
      await Promise.all([caughtUp(engine, 'order-totals', last), caughtUp(engine, 'event-log', last)]);

      const log = await service.store.readAll();
      // 150 orders before the rebuild: placed, confirmed or cancelled, a fifth archived = 330 events.
      expect(orderTotals.events).toBeGreaterThanOrEqual(330);
      expect(eventLog.events).toBeGreaterThanOrEqual(orderTotals.events);
      expect(reads).toBeGreaterThan(0);
      expect(readFailures).toBe(0);
      const stored = await rows<OrderTotalsRow>(service.knex, `"${service.schema}".order_totals`, 'order_id');
      expect(stored.map((row) => ({ ...row, total_minor: Number(row.total_minor) }))).toEqual(expectedOrderTotals(log));
      expect(await eventLogIds('event_id')).toEqual(log.map((event) => event.id).sort());

      // No shadow is left behind, and the swapped tables carry live names, so the next rebuild works too.
      const { rows: relations } = await service.knex.raw<{ rows: { relname: string }[] }>(
        `SELECT relname FROM pg_class WHERE relnamespace = ?::regnamespace`,
        [service.schema],
      );
      const names = relations.map((r) => r.relname);
      expect(names.filter((name) => name.includes('__rebuild'))).toEqual([]);
      expect(names).toEqual(expect.arrayContaining(['order_totals_customer_idx', 'event_log_seq_key', 'event_log_seq_seq']));
      await engine.rebuild('event-log');
      expect(await eventLogIds('event_id')).toEqual(log.map((event) => event.id).sort());
    });

    it('a rebuild folding rows in memory gives the same table when it must flush and look rows up again midway', async () => {
      // Read batches of 7 and at most 20 rows held: flushes land between an order's events, deletes included.
      const engine = await service.engine([orderTotalsProjection()], { rebuildBatchSize: 7, rebuildMaxRows: 20 });
      const last = await appendOrders(service.store, 'folded', 60);
      const progress: number[] = [];

      const result = await engine.rebuild('order-totals', { onProgress: (events) => progress.push(events) });

      const log = await service.store.readAll();
      expect(result.position).toEqual(last);
      expect(progress.reduce((sum, n) => sum + n, 0)).toBe(result.events);
      const stored = await rows<OrderTotalsRow>(service.knex, `"${service.schema}".order_totals`, 'order_id');
      expect(stored.map((row) => ({ ...row, total_minor: Number(row.total_minor) }))).toEqual(expectedOrderTotals(log));
      expect((await engine.status(['order-totals']))[0].checkpoint).toEqual(last);
    });

    it('a rebuild at a new version takes over from a runner of the old version, which stops', async () => {
      const oldEngine = await service.engine([orderTotalsProjection(1)]);
      oldEngine.start();
      await caughtUp(oldEngine, 'order-totals', await appendOrders(service.store, 'v1', 40));

      const newEngine = await service.engine([orderTotalsProjection(2)]);
      newEngine.start();
      await newEngine.rebuild('order-totals');
      const last = await appendOrders(service.store, 'v2', 10);

      await waitFor(async () => (await oldEngine.status())[0].state === 'stopped', { description: 'the old runner to stop' });
      expect((await oldEngine.status())[0].lastError).toBe(new ProjectionVersionMismatchError('order-totals', 2, 1).message);
      await caughtUp(newEngine, 'order-totals', last);
      const stored = await rows<OrderTotalsRow>(service.knex, `"${service.schema}".order_totals`, 'order_id');
      expect(stored.map((row) => ({ ...row, total_minor: Number(row.total_minor) }))).toEqual(expectedOrderTotals(await service.store.readAll()));
    });
  });

  describe('lag', () => {
    const metric = (registry: Registry) => registry.getSingleMetricAsString(LAG_METRIC);

    it('reports head minus checkpoint in status and as projection_lag_events', async () => {
      const registry = new Registry();
      const engine = await service.engine([eventLogProjection()], { registry });
      const first = await appendNoise(service, 25);

      // The head shows an append once every older transaction on the server has ended, hence the waits.
      await waitFor(async () => (await engine.status())[0].lag === 25, { description: 'a lag of 25' });
      expect((await engine.status())[0]).toMatchObject({ name: 'event-log', state: 'stopped', checkpoint: undefined, head: first.last });
      expect(await metric(registry)).toContain('projection_lag_events{projection="event-log"} 25');

      engine.start();
      await caughtUp(engine, 'event-log', first.last);
      expect((await engine.status())[0]).toMatchObject({ state: 'running', lag: 0, checkpoint: first.last, head: first.last });
      expect(await metric(registry)).toContain('projection_lag_events{projection="event-log"} 0');

      await engine.stop();
      await appendNoise(service, 7);
      await waitFor(async () => (await engine.status())[0].lag === 7, { description: 'a lag of 7' });
      expect(await metric(registry)).toContain('projection_lag_events{projection="event-log"} 7');
    });
  });
});
