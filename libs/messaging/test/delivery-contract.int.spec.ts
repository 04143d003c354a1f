import { randomUUID } from 'node:crypto';
import { InvalidEventError, isEventType } from '@marketplace/contracts';
import { PostgresEventStore } from '@marketplace/event-store';
import {
  type Consumer,
  type ConsumerMetrics,
  DEAD_LETTER_HEADERS,
  EventConsumer,
  type EventHandler,
  EventStoreRelay,
  Inbox,
  type OutgoingMessage,
  Outbox,
  OutboxRelay,
  type Producer,
} from '../src';
import { describeEachBackend, waitFor } from '@marketplace/testing';
import knex, { type Knex } from 'knex';
import { type BusTestContext, messageBusBackends } from './bus-backends';
import { collect, type Collector, expectEveryEventInKeyOrder, FAST_RETRY, stockAdjusted } from './delivery-fixtures';

const WAIT = { timeoutMs: 60_000 };
// Kafka group joins and relay takeovers take seconds.
jest.setTimeout(120_000);

/** Forwards the first `forward` messages of the batch it is given, then fails: a relay dying mid-batch. */
function crashingProducer(real: Producer, forward: number): Pick<Producer, 'send'> & { forwarded: OutgoingMessage[]; crashes: number } {
  const producer = {
    forwarded: [] as OutgoingMessage[],
    crashes: 0,
    async send(messages: OutgoingMessage[]) {
      await real.send(messages.slice(0, forward));
      producer.forwarded.push(...messages.slice(0, forward));
      producer.crashes++;
      throw new Error('relay process died mid-batch');
    },
  };
  return producer;
}

function countingMetrics() {
  const counts = { handled: 0, retried: 0, deadLettered: 0 };
  const metrics: ConsumerMetrics = {
    handled: () => void counts.handled++,
    retried: () => void counts.retried++,
    deadLettered: () => void counts.deadLettered++,
  };
  return { counts, metrics };
}

describeEachBackend('messaging delivery contract', messageBusBackends(), (backend) => {
  let ctx: BusTestContext;
  let db: Knex;
  const stoppers: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    ctx = await backend().createContext();
    db = knex({ client: 'pg', connection: ctx.databaseUrl, pool: { min: 0, max: 5 } });
  });

  afterEach(async () => {
    for (const stop of stoppers.splice(0).reverse()) await stop();
    await db.destroy();
    await ctx.dispose();
  });

  async function consumeEvents(topic: string, handler: EventHandler, metrics?: ConsumerMetrics): Promise<Consumer> {
    const consumer = await EventConsumer.start(ctx.bus('consumer'), { groupId: ctx.name('catalog'), topics: [topic], handler, retry: FAST_RETRY, metrics });
    stoppers.push(() => consumer.stop());
    return consumer;
  }

  async function collector(topics: string[]): Promise<Collector> {
    const c = await collect(ctx.bus('collector'), ctx.name('collector'), topics);
    stoppers.push(() => c.stop());
    return c;
  }

  async function producer(): Promise<Producer> {
    const p = await ctx.bus('producer').producer();
    stoppers.push(() => p.close());
    return p;
  }

  describe('consumer pipeline', () => {
    it('a handler that throws N times then succeeds has exactly one effect, and nothing is dead-lettered', async () => {
      const topic = ctx.name('catalog.inventory.v1');
      const key = randomUUID();
      const flaky = stockAdjusted(key, 0);
      const marker = stockAdjusted(key, 1);
      const effects: string[] = [];
      const attempts = new Map<string, number>();
      const { counts, metrics } = countingMetrics();
      await consumeEvents(
        topic,
        async (event, context) => {
          attempts.set(event.id, context.attempt);
          if (event.id === flaky.id && context.attempt <= 2) throw new Error(`transient failure ${context.attempt}`);
          effects.push(event.id);
        },
        metrics,
      );
      await (await producer()).send([flaky, marker].map((value) => ({ topic, key, value })));

      await waitFor(() => effects.includes(marker.id), { ...WAIT, description: 'the marker after the flaky event' });
      expect(effects).toEqual([flaky.id, marker.id]);
      expect(attempts.get(flaky.id)).toBe(3);
      expect(counts).toEqual({ handled: 2, retried: 2, deadLettered: 0 });
    });

    it('a schema-invalid message goes to <topic>.dlq at once with its error, and the partition moves on', async () => {
      const topic = ctx.name('catalog.inventory.v1');
      const key = randomUUID();
      const valid = stockAdjusted(key, 1);
      const badData = { ...stockAdjusted(key, 0), data: { ...valid.data, onHand: -5 } };
      const notJson = Buffer.from('{"specversion": "1.0", oops');
      const handled: string[] = [];
      const dlq = await collector([`${topic}.dlq`]);
      await consumeEvents(topic, async (event) => void handled.push(event.id));
      await (await producer()).send([
        { topic, key, value: badData },
        { topic, key, value: notJson },
        { topic, key, value: valid },
      ]);

      await waitFor(() => handled.includes(valid.id) && dlq.messages.length >= 2, { ...WAIT, description: 'the valid event and two dead letters' });
      expect(handled).toEqual([valid.id]);
      const [first, second] = dlq.messages;
      expect(JSON.parse(first.value.toString('utf8'))).toEqual(badData);
      expect(first.key).toBe(key);
      expect(first.headers).toMatchObject({
        [DEAD_LETTER_HEADERS.topic]: topic,
        [DEAD_LETTER_HEADERS.key]: key,
        [DEAD_LETTER_HEADERS.errorName]: 'InvalidEventError',
        [DEAD_LETTER_HEADERS.attempts]: '0',
        'ce-id': badData.id,
      });
      expect(JSON.parse(first.headers[DEAD_LETTER_HEADERS.errorDetails])).toEqual([expect.objectContaining({ path: 'data.onHand' })]);
      expect(second.value).toEqual(notJson);
      expect(second.headers[DEAD_LETTER_HEADERS.errorMessage]).toMatch(/not JSON/);
      expect(Number(second.headers[DEAD_LETTER_HEADERS.offset])).toBeGreaterThan(Number(first.headers[DEAD_LETTER_HEADERS.offset]));
    });

    it('an always-failing message goes to <topic>.dlq after its retries with the error, and the partition moves on', async () => {
      const topic = ctx.name('catalog.inventory.v1');
      const key = randomUUID();
      const poison = stockAdjusted(key, 0);
      const next = stockAdjusted(key, 1);
      const handled: string[] = [];
      const dlq = await collector([`${topic}.dlq`]);
      await consumeEvents(topic, async (event) => {
        if (event.id === poison.id) throw new RangeError(`cannot adjust stock of ${event.subject}`);
        handled.push(event.id);
      });
      await (await producer()).send([poison, next].map((value) => ({ topic, key, value })));

      await waitFor(() => handled.includes(next.id) && dlq.messages.length === 1, { ...WAIT, description: 'the next event and one dead letter' });
      const [letter] = dlq.messages;
      expect(JSON.parse(letter.value.toString('utf8'))).toEqual(poison);
      expect(letter.headers).toMatchObject({
        [DEAD_LETTER_HEADERS.topic]: topic,
        [DEAD_LETTER_HEADERS.errorName]: 'RangeError',
        [DEAD_LETTER_HEADERS.errorMessage]: `cannot adjust stock of ${key}`,
        [DEAD_LETTER_HEADERS.attempts]: String(FAST_RETRY.maxAttempts),
        [DEAD_LETTER_HEADERS.group]: ctx.name('catalog'),
      });
      expect(Date.parse(letter.headers[DEAD_LETTER_HEADERS.failedAt])).not.toBeNaN();
    });

    it('an event delivered twice has one effect through the inbox', async () => {
      const topic = ctx.name('catalog.inventory.v1');
      const inbox = new Inbox({ schema: 'search' });
      await inbox.migrate(db);
      await db.raw('create table search.stock (product_id text primary key, on_hand int not null, updates int not null)');
      const event = stockAdjusted(randomUUID(), 7);
      const outcomes: string[] = [];
      await consumeEvents(topic, async (e, context) => {
        if (!isEventType(e, 'marketplace.catalog.StockAdjusted.v1')) throw new Error(`unexpected ${e.type}`);
        const outcome = await inbox.handleOnce(db, { group: context.groupId, eventId: e.id }, async (trx) => {
          await trx.raw(
            `insert into search.stock values (?, ?, 1)
             on conflict (product_id) do update set on_hand = excluded.on_hand, updates = search.stock.updates + 1`,
            [e.subject, e.data.onHand],
          );
        });
        outcomes.push(outcome.status);
      });
      const send = await producer();
      await send.send([{ topic, key: event.subject, value: event }]);
      await send.send([{ topic, key: event.subject, value: event }]);

      await waitFor(() => outcomes.length === 2, { ...WAIT, description: 'both deliveries' });
      expect(outcomes).toEqual(['handled', 'duplicate']);
      expect(await db('search.stock').select()).toEqual([{ product_id: event.subject, on_hand: 7, updates: 1 }]);
    });
  });

  describe('consumer pipeline, a partition batch at a time', () => {
    const inbox = new Inbox({ schema: 'search' });
    /** Every effect, in the order the transactions applied them (seq), one row per application. */
    const applied = async () => (await db('search.applied').select('event_id', 'product_id', 'on_hand').orderBy('seq')) as { event_id: string; product_id: string; on_hand: number }[];

    beforeEach(async () => {
      await inbox.migrate(db);
      await db.raw('create table search.applied (seq bigserial primary key, event_id text not null, product_id text not null, on_hand int not null)');
    });

    /**
     * A batch handler as a service writes one: one inbox statement and the effects of the new events in
     * one transaction. It throws for a batch holding `poison`, as a bad row would fail the whole statement.
     */
    async function consumeBatches(topic: string, poison?: string) {
      const batchSizes: number[] = [];
      const { counts, metrics } = countingMetrics();
      const consumer = await EventConsumer.start(ctx.bus('consumer'), {
        groupId: ctx.name('search'),
        topics: [topic],
        handler: async () => {
          throw new Error('the per-event handler is not used for a topic with a batch handler');
        },
        batchHandlerFor: () => async (batch) => {
          batchSizes.push(batch.events.length);
          const events = batch.events.map((e) => e.event).filter((e) => isEventType(e, 'marketplace.catalog.StockAdjusted.v1'));
          await inbox.handleBatchOnce(db, batch.groupId, events, async (fresh, trx) => {
            if (fresh.some((e) => e.id === poison)) throw new RangeError(`cannot index ${poison}`);
            await trx('search.applied').insert(fresh.map((e) => ({ event_id: e.id, product_id: e.subject, on_hand: e.data.onHand })));
          });
        },
        retry: FAST_RETRY,
        metrics,
      });
      stoppers.push(() => consumer.stop());
      return { batchSizes, counts };
    }

    /** `keys` × `perKey` events, interleaved round-robin across keys, as a backlog the consumer finds on start. */
    const interleaved = (keys: string[], perKey: number) => Array.from({ length: perKey }, (_, seq) => keys.map((key) => stockAdjusted(key, seq))).flat();

    it('applies a backlog in batches: a redelivered event once, invalid messages to <topic>.dlq and the rest once each, in per-key order', async () => {
      const topic = ctx.name('catalog.inventory.v1');
      const keys = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const events = interleaved(keys, 10);
      const redelivered = events[13];
      const invalid = { ...stockAdjusted(keys[1], 99), data: { onHand: 'many' } };
      const notJson = Buffer.from('{"specversion": "1.0", oops');
      const dlq = await collector([`${topic}.dlq`]);
      const send = await producer();
      await send.send([
        ...events.slice(0, 20).map((value) => ({ topic, key: value.subject, value })),
        { topic, key: keys[1], value: invalid },
        { topic, key: redelivered.subject, value: redelivered },
        { topic, key: keys[2], value: notJson },
        ...events.slice(20).map((value) => ({ topic, key: value.subject, value })),
      ]);
      const { batchSizes, counts } = await consumeBatches(topic);

      await waitFor(async () => (await applied()).length === events.length && dlq.messages.length === 2, { ...WAIT, description: 'every event and two dead letters' });
      const rows = await applied();
      expect(new Set(rows.map((r) => r.event_id)).size).toBe(events.length);
      for (const key of keys) expect(rows.filter((r) => r.product_id === key).map((r) => r.on_hand)).toEqual(Array.from({ length: 10 }, (_, i) => i));
      expect(batchSizes.some((size) => size > 1)).toBe(true);
      expect(dlq.messages.map((m) => m.headers[DEAD_LETTER_HEADERS.errorName])).toEqual(['InvalidEventError', 'InvalidEventError']);
      expect(dlq.messages.map((m) => m.key).sort()).toEqual([keys[1], keys[2]].sort());
      expect(counts).toEqual({ handled: events.length + 1, retried: 0, deadLettered: 2 });
    });

    it('falls back to one event at a time when a batch fails: the failing event is retried then dead-lettered, every other one is applied once', async () => {
      const topic = ctx.name('catalog.inventory.v1');
      const keys = [randomUUID(), randomUUID(), randomUUID()];
      const events = interleaved(keys, 8);
      const poison = events.find((e) => e.subject === keys[0] && e.data.onHand === 3) as (typeof events)[number];
      const dlq = await collector([`${topic}.dlq`]);
      await (await producer()).send(events.map((value) => ({ topic, key: value.subject, value })));
      const { batchSizes, counts } = await consumeBatches(topic, poison.id);

      await waitFor(async () => (await applied()).length === events.length - 1 && dlq.messages.length === 1, { ...WAIT, description: 'every other event and the dead letter' });
      const rows = await applied();
      expect(new Set(rows.map((r) => r.event_id)).size).toBe(events.length - 1);
      expect(rows.map((r) => r.event_id)).not.toContain(poison.id);
      expect(rows.filter((r) => r.product_id === keys[0]).map((r) => r.on_hand)).toEqual([0, 1, 2, 4, 5, 6, 7]);
      for (const key of keys.slice(1)) expect(rows.filter((r) => r.product_id === key).map((r) => r.on_hand)).toEqual(Array.from({ length: 8 }, (_, i) => i));
      const [letter] = dlq.messages;
      expect(JSON.parse(letter.value.toString('utf8'))).toEqual(poison);
      expect(letter.headers).toMatchObject({ [DEAD_LETTER_HEADERS.errorName]: 'RangeError', [DEAD_LETTER_HEADERS.attempts]: String(FAST_RETRY.maxAttempts) });
      expect(batchSizes.some((size) => size > 1)).toBe(true);
      expect(batchSizes).toContain(1);
      expect(counts).toMatchObject({ retried: (FAST_RETRY.maxAttempts ?? 0) - 1, deadLettered: 1 });
    });
  });

  describe('outbox relay', () => {
    const outbox = new Outbox({ schema: 'catalog' });
    const topic = 'catalog.inventory.v1';

    beforeEach(() => outbox.migrate(db));

    /** `retryMs` also spaces the restarts after a crash: a dying relay gets a long one, so it dies once. */
    function relay(send: Pick<Producer, 'send'>, retryMs = 100): OutboxRelay {
      const r = new OutboxRelay({ databaseUrl: ctx.databaseUrl, schema: 'catalog', producer: send, batchSize: 10, pollIntervalMs: 200, retryMs });
      stoppers.push(() => r.stop());
      return r;
    }

    /** One business transaction per event, keys interleaved: k0#0, k1#0, k2#0, k0#1, ... */
    async function enqueueInterleaved(keys: string[], perKey: number, from = 0): Promise<void> {
      for (let seq = from; seq < from + perKey; seq++) {
        for (const key of keys) await db.transaction((trx) => outbox.enqueue(trx, [stockAdjusted(key, seq)]));
      }
    }

    const unpublished = async () => Number((await db('catalog.outbox').whereNull('published_at').count({ n: '*' }))[0].n);

    it('killed mid-batch and restarted, delivers every event at least once and in per-key order', async () => {
      const keys: string[] = [randomUUID(), randomUUID(), randomUUID()];
      const received = await collector([topic]);
      const mine = () => received.events().filter((e) => keys.includes(e.subject));
      await enqueueInterleaved(keys, 15);

      const crashing = crashingProducer(await producer(), 4);
      const first = relay(crashing, 60_000);
      first.start();
      await waitFor(() => crashing.crashes > 0, { ...WAIT, description: 'the first relay to die' });
      await first.stop();
      expect(await unpublished()).toBe(45);

      relay(await producer()).start();
      await waitFor(async () => (await unpublished()) === 0, { ...WAIT, description: 'the outbox to drain' });
      await waitFor(() => mine().length === 45 + crashing.forwarded.length, { ...WAIT, description: 'every event and the re-sent ones' });
      expect(crashing.forwarded.length).toBe(4);
      expectEveryEventInKeyOrder(mine(), new Map(keys.map((k) => [k, 15])));
    });

    it('publishes a row committed after rows with higher ids', async () => {
      const key = randomUUID();
      const received = await collector([topic]);
      relay(await producer()).start();
      const late = stockAdjusted(key, 0);
      const early = stockAdjusted(randomUUID(), 0);
      const slow = await db.transaction();
      await outbox.enqueue(slow, [late]);
      await db.transaction((trx) => outbox.enqueue(trx, [early]));
      await waitFor(() => received.events().some((e) => e.id === early.id), { ...WAIT, description: 'the early commit' });
      await slow.commit();
      await waitFor(() => received.events().some((e) => e.id === late.id), { ...WAIT, description: 'the late commit' });
      const rows = await db('catalog.outbox').select('event_id', 'id').orderBy('id');
      expect(rows.map((r) => r.event_id)).toEqual([late.id, early.id]);
      await waitFor(async () => (await unpublished()) === 0, { ...WAIT, description: 'both rows marked published' });
    });

    it('has one leader per schema: a second relay waits, then takes over when the first stops', async () => {
      const keys: string[] = [randomUUID(), randomUUID()];
      const received = await collector([topic]);
      const mine = () => received.events().filter((e) => keys.includes(e.subject));
      const a = relay(await producer());
      const b = relay(await producer());
      a.start();
      await waitFor(() => a.isLeader, { ...WAIT, description: 'the first relay to lead' });
      b.start();
      await enqueueInterleaved(keys, 5);
      await waitFor(() => mine().length === 10, { ...WAIT, description: 'the first ten events' });
      expect(b.isLeader).toBe(false);

      await a.stop();
      await waitFor(() => b.isLeader, { ...WAIT, description: 'the second relay to take over' });
      await enqueueInterleaved(keys, 5, 5);
      await waitFor(() => mine().length === 20, { ...WAIT, description: 'all twenty events' });
      expect(new Set(mine().map((e) => e.id)).size).toBe(20);
      expectEveryEventInKeyOrder(mine(), new Map(keys.map((k) => [k, 10])));
    });

    it('refuses an invalid event and writes nothing', async () => {
      const bad = { ...stockAdjusted(randomUUID(), 0), data: { onHand: 'many' } };
      await expect(db.transaction((trx) => outbox.enqueue(trx, [stockAdjusted(randomUUID(), 0), bad]))).rejects.toThrow(InvalidEventError);
      expect(await db('catalog.outbox').count({ n: '*' })).toEqual([{ n: '0' }]);
    });
  });

  describe('event-store relay', () => {
    let store: PostgresEventStore;

    beforeEach(async () => {
      store = new PostgresEventStore({ connectionString: ctx.databaseUrl, schema: 'orders' });
      await store.migrate();
      stoppers.push(() => store.close());
    });

    function relay(topic: string, send: Pick<Producer, 'send'>, retryMs = 100): EventStoreRelay {
      const r = new EventStoreRelay({
        name: 'catalog-events',
        databaseUrl: ctx.databaseUrl,
        schema: 'orders',
        store,
        producer: send,
        source: 'marketplace/catalog',
        map: (event) =>
          event.type === 'StockAdjusted'
            ? { topic, type: 'marketplace.catalog.StockAdjusted.v1', subject: event.streamId.slice('product-'.length) }
            : undefined,
        batchSize: 10,
        retryMs,
      });
      stoppers.push(() => r.stop());
      return r;
    }

    /** Each key's events appended one at a time, keys concurrently, so transactions interleave. */
    async function append(keys: string[], from: number, count: number): Promise<void> {
      await Promise.all(
        keys.map(async (key) => {
          for (let seq = from; seq < from + count; seq++) {
            const { data } = stockAdjusted(key, seq);
            await store.appendToStream(`product-${key}`, [{ id: randomUUID(), type: 'StockAdjusted', data }], { expectedRevision: 'any' });
            // Events the mapper keeps private: skipped, yet the checkpoint moves past them.
            if (seq % 4 === 0) await store.appendToStream(`product-${key}`, [{ id: randomUUID(), type: 'PrivateNote', data: {} }], { expectedRevision: 'any' });
          }
        }),
      );
    }

    it('killed mid-stream and restarted, delivers every event at least once, in per-key order, then goes on live', async () => {
      const topic = ctx.name('catalog.inventory.v1');
      const keys: string[] = [randomUUID(), randomUUID(), randomUUID()];
      await relay(topic, { send: async () => undefined }).migrate(db);
      const received = await collector([topic]);
      await append(keys, 0, 12);

      const crashing = crashingProducer(await producer(), 4);
      const first = relay(topic, crashing, 60_000);
      first.start();
      await waitFor(() => crashing.crashes > 0, { ...WAIT, description: 'the first relay to die' });
      await first.stop();

      relay(topic, await producer()).start();
      const resent = crashing.forwarded.length;
      expect(resent).toBeGreaterThan(0);
      await waitFor(() => received.events().length === 36 + resent, { ...WAIT, description: 'the stored events and the re-sent ones' });
      await append(keys, 12, 3);
      await waitFor(() => received.events().length === 45 + resent, { ...WAIT, description: 'the live events' });

      const events = received.events();
      expect(events.every((e) => e.source === 'marketplace/catalog' && e.type === 'marketplace.catalog.StockAdjusted.v1')).toBe(true);
      expectEveryEventInKeyOrder(events, new Map(keys.map((k) => [k, 15])));
      const [checkpoint] = await db('orders.relay_checkpoints').where({ name: 'catalog-events' });
      expect(checkpoint).toBeDefined();
    });
  });
});
