import type { CloudEvent } from '@marketplace/contracts';
import type { Consumer, IncomingMessage, MessageBatch, MessageBus, TopicPartition } from '../src';
import { describeEachBackend } from '@marketplace/testing';
import { eventually, messageBusBackends, testEvent, type BusTestContext } from './bus-backends';

const PARTITIONS = 3;

// Kafka group joins and rebalances take seconds; the suite must not depend on the runner's default timeout.
jest.setTimeout(120_000);

interface Received {
  event: CloudEvent<{ seq: number }>;
  message: IncomingMessage;
}

const decode = (message: IncomingMessage): Received => ({ event: JSON.parse(message.value.toString('utf8')), message });
const ids = (received: Received[]) => received.map((r) => r.event.id);

/** `keys` × `perKey` events, interleaved round-robin across keys: k0#0, k1#0, ..., k0#1, ... */
function interleaved(prefix: string, keys: number, perKey: number): CloudEvent[] {
  const events: CloudEvent[] = [];
  for (let seq = 0; seq < perKey; seq++) for (let k = 0; k < keys; k++) events.push(testEvent(`${prefix}-${k}`, seq));
  return events;
}

async function publish(bus: MessageBus, topic: string, events: CloudEvent[], chunk = 7): Promise<void> {
  const producer = await bus.producer();
  for (let i = 0; i < events.length; i += chunk) {
    await producer.send(events.slice(i, i + chunk).map((value) => ({ topic, key: value.subject, value })));
  }
  await producer.close();
}

function expectPerKeyOrder(received: Received[], keys: number, perKey: number, prefix: string): void {
  const byKey = new Map<string, number[]>();
  for (const { event } of received) byKey.set(event.subject, [...(byKey.get(event.subject) ?? []), event.data.seq]);
  const expected = Array.from({ length: perKey }, (_, i) => i);
  for (let k = 0; k < keys; k++) expect(byKey.get(`${prefix}-${k}`)).toEqual(expected);
}

describeEachBackend('message bus contract', messageBusBackends(), (backend) => {
  let ctx: BusTestContext;
  let topic: string;
  const consumers: Consumer[] = [];

  beforeEach(async () => {
    ctx = await backend().createContext();
    topic = ctx.name('bus.contract');
  });

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
    await ctx.dispose();
  });

  async function consume(bus: MessageBus, groupId: string, onMessage: (m: IncomingMessage) => Promise<void>, onAssignment?: (tps: TopicPartition[]) => void) {
    const consumer = await bus.consumer({ groupId, topics: [topic], onMessage, onAssignment });
    consumers.push(consumer);
    return consumer;
  }

  async function consumeBatches(bus: MessageBus, groupId: string, onBatch: (batch: MessageBatch) => Promise<void>) {
    const consumer = await bus.consumer({ groupId, topics: [topic], onBatch });
    consumers.push(consumer);
    return consumer;
  }

  it('carries the CloudEvent as the JSON value, the key, and the ce-type, ce-id and traceparent headers', async () => {
    const bus = ctx.bus();
    await bus.ensureTopics([topic], PARTITIONS);
    const event = { ...testEvent('order-1', 0), traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
    const producer = await bus.producer();
    await producer.send([{ topic, key: 'order-1', value: event, headers: { 'x-extra': 'yes' } }]);
    const received: IncomingMessage[] = [];
    await consume(bus, ctx.name('headers'), async (m) => void received.push(m));
    await eventually(() => expect(received).toHaveLength(1));
    const [m] = received;
    expect(JSON.parse(m.value.toString('utf8'))).toEqual(event);
    expect(m).toMatchObject({ topic, key: 'order-1', offset: '0' });
    expect(m.partition).toBeGreaterThanOrEqual(0);
    expect(m.partition).toBeLessThan(PARTITIONS);
    expect(m.headers).toEqual({ 'ce-type': event.type, 'ce-id': event.id, traceparent: event.traceparent, 'x-extra': 'yes' });
    await expect(bus.ping()).resolves.toBeUndefined();
  });

  it('keeps per-key order across many interleaved keys', async () => {
    const bus = ctx.bus();
    await bus.ensureTopics([topic], PARTITIONS);
    const events = interleaved('order', 12, 20);
    const received: Received[] = [];
    await consume(bus, ctx.name('order'), async (m) => {
      received.push(decode(m));
      // A little latency per message, so that sends and handling really overlap.
      if (received.length % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    });
    await publish(bus, topic, events);
    await eventually(() => expect(received).toHaveLength(events.length));
    expectPerKeyOrder(received, 12, 20, 'order');
    // Same key, same partition; offsets within a partition strictly increase.
    const partitionOf = new Map<string, number>();
    const lastOffset = new Map<number, bigint>();
    for (const { event, message } of received) {
      expect(partitionOf.get(event.subject) ?? message.partition).toBe(message.partition);
      partitionOf.set(event.subject, message.partition);
      const offset = BigInt(message.offset);
      expect(offset > (lastOffset.get(message.partition) ?? -1n)).toBe(true);
      lastOffset.set(message.partition, offset);
    }
  });

  it('fans out to every consumer group: two groups each get everything', async () => {
    const bus = ctx.bus();
    await bus.ensureTopics([topic], PARTITIONS);
    const events = interleaved('fan', 6, 5);
    const a: Received[] = [];
    const b: Received[] = [];
    await consume(bus, ctx.name('group-a'), async (m) => void a.push(decode(m)));
    await consume(ctx.bus('other-service'), ctx.name('group-b'), async (m) => void b.push(decode(m)));
    await publish(bus, topic, events);
    await eventually(() => {
      expect(a).toHaveLength(events.length);
      expect(b).toHaveLength(events.length);
    });
    expect(new Set(ids(a))).toEqual(new Set(events.map((e) => e.id)));
    expect(new Set(ids(b))).toEqual(new Set(events.map((e) => e.id)));
  });

  it('splits the partitions between two members of one group: disjoint, non-empty, complete', async () => {
    await ctx.bus().ensureTopics([topic], PARTITIONS);
    const group = ctx.name('split');
    const members = [ctx.bus('member-1'), ctx.bus('member-2')];
    const got: Received[][] = [[], []];
    const assigned: TopicPartition[][] = [[], []];
    for (const i of [0, 1]) {
      await consume(members[i], group, async (m) => void got[i].push(decode(m)), (tps) => (assigned[i] = tps));
    }
    // Wait for a settled group before producing, so no message is caught in a rebalance.
    await eventually(() => {
      expect(assigned[0].length).toBeGreaterThan(0);
      expect(assigned[1].length).toBeGreaterThan(0);
      expect(assigned[0].length + assigned[1].length).toBe(PARTITIONS);
    }, 60_000);
    const events = interleaved('split', 30, 2);
    await publish(members[0], topic, events);
    await eventually(() => expect(got[0].length + got[1].length).toBe(events.length));
    expect(got[0].length).toBeGreaterThan(0);
    expect(got[1].length).toBeGreaterThan(0);
    const first = new Set(ids(got[0]));
    expect(ids(got[1]).filter((id) => first.has(id))).toEqual([]);
    expect(new Set([...ids(got[0]), ...ids(got[1])])).toEqual(new Set(events.map((e) => e.id)));
    for (const i of [0, 1]) {
      const mine = new Set(assigned[i].map((tp) => tp.partition));
      expect(got[i].every(({ message }) => mine.has(message.partition))).toBe(true);
    }
  });

  it('resumes from the committed offset after a stop: nothing lost, nothing handled twice', async () => {
    const bus = ctx.bus();
    await bus.ensureTopics([topic], PARTITIONS);
    const group = ctx.name('resume');
    const events = interleaved('resume', 8, 5);
    await publish(bus, topic, events);
    const before: Received[] = [];
    const first = await consume(bus, group, async (m) => {
      before.push(decode(m));
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    await eventually(() => expect(before.length).toBeGreaterThanOrEqual(15));
    await first.stop();
    const handledBefore = before.length;
    expect(handledBefore).toBeLessThan(events.length);

    const later = interleaved('resume-late', 4, 3);
    await publish(bus, topic, later);
    const after: Received[] = [];
    await consume(ctx.bus('restarted'), group, async (m) => void after.push(decode(m)));
    const all = [...events, ...later].map((e) => e.id);
    await eventually(() => expect(before.length + after.length).toBe(all.length));
    expect(before).toHaveLength(handledBefore);
    const seen = new Set(ids(before));
    expect(ids(after).filter((id) => seen.has(id))).toEqual([]);
    expect(new Set([...ids(before), ...ids(after)])).toEqual(new Set(all));
    expectPerKeyOrder([...before, ...after], 8, 5, 'resume');
  });

  it('does not lose a message whose handler throws: it comes again, in order, until handled', async () => {
    const bus = ctx.bus();
    await bus.ensureTopics([topic], PARTITIONS);
    const events = interleaved('flaky', 4, 5);
    const poisoned = 'flaky-1-2';
    let failuresLeft = 3;
    const attempts: string[] = [];
    const handled: Received[] = [];
    await consume(bus, ctx.name('flaky'), async (m) => {
      const r = decode(m);
      attempts.push(r.event.id);
      if (r.event.id === poisoned && failuresLeft-- > 0) throw new Error('transient failure');
      handled.push(r);
    });
    await publish(bus, topic, events);
    await eventually(() => expect(handled).toHaveLength(events.length));
    expect(attempts.filter((id) => id === poisoned)).toHaveLength(4);
    expect(new Set(ids(handled)).size).toBe(events.length);
    expectPerKeyOrder(handled, 4, 5, 'flaky');
  });

  it("hands onBatch a partition's messages a batch at a time, in offset order, and commits each batch: a restart handles nothing twice", async () => {
    const bus = ctx.bus();
    await bus.ensureTopics([topic], PARTITIONS);
    const group = ctx.name('batches');
    const events = interleaved('batch', 6, 5);
    await publish(bus, topic, events);
    const batches: MessageBatch[] = [];
    const first = await consumeBatches(bus, group, async (batch) => void batches.push(batch));
    await eventually(() => expect(batches.flatMap((b) => b.messages)).toHaveLength(events.length));
    await first.stop();
    expect(batches.some((b) => b.messages.length > 1)).toBe(true);
    for (const batch of batches) {
      expect(batch.messages.every((m) => m.topic === topic && m.partition === batch.partition)).toBe(true);
      const offsets = batch.messages.map((m) => Number(m.offset));
      expect(offsets).toEqual(offsets.map((_, i) => offsets[0] + i));
    }
    const before = batches.flatMap((b) => b.messages).map(decode);
    expectPerKeyOrder(before, 6, 5, 'batch');

    const later = interleaved('batch-late', 2, 3);
    await publish(bus, topic, later);
    const after: Received[] = [];
    await consumeBatches(ctx.bus('restarted'), group, async (batch) => void after.push(...batch.messages.map(decode)));
    await eventually(() => expect(after).toHaveLength(later.length));
    expect(new Set(ids(after))).toEqual(new Set(later.map((e) => e.id)));
  });

  it('commits what onBatch resolved before it threw, and delivers the rest again from the first message it did not resolve', async () => {
    const bus = ctx.bus();
    await bus.ensureTopics([topic], PARTITIONS);
    const group = ctx.name('partial');
    const events = interleaved('partial', 1, 8);
    const poisoned = 'partial-0-3';
    await publish(bus, topic, events);
    const handled: string[] = [];
    const firstOffsets: string[] = [];
    const first = await consumeBatches(bus, group, async (batch) => {
      firstOffsets.push(batch.messages[0].offset);
      for (const message of batch.messages) {
        const { event } = decode(message);
        if (event.id === poisoned) throw new Error('always fails here');
        handled.push(event.id);
        batch.resolveOffset(message.offset);
      }
    });
    await eventually(() => expect(firstOffsets.length).toBeGreaterThanOrEqual(2));
    await first.stop();
    // The redelivery started at the failed message, not at the start of the batch.
    expect(handled).toEqual(['partial-0-0', 'partial-0-1', 'partial-0-2']);
    expect(new Set(firstOffsets.slice(1)).size).toBe(1);

    const second: Received[] = [];
    await consumeBatches(ctx.bus('restarted'), group, async (batch) => void second.push(...batch.messages.map(decode)));
    await eventually(() => expect(second).toHaveLength(5));
    expect(second.map((r) => r.event.data.seq)).toEqual([3, 4, 5, 6, 7]);
  });

  it('keeps a message that failed until the consumer stopped: the next consumer of the group gets it', async () => {
    const bus = ctx.bus();
    await bus.ensureTopics([topic], PARTITIONS);
    const group = ctx.name('poison');
    const events = interleaved('stuck', 3, 4);
    const poisoned = 'stuck-0-1';
    let poisonAttempts = 0;
    const firstHandled: string[] = [];
    const first = await consume(bus, group, async (m) => {
      const { event } = decode(m);
      if (event.id === poisoned) {
        poisonAttempts += 1;
        throw new Error('always fails here');
      }
      firstHandled.push(event.id);
    });
    await publish(bus, topic, events);
    await eventually(() => expect(poisonAttempts).toBeGreaterThanOrEqual(2));
    await first.stop();
    // Nothing after the failing message on its key was handled past it.
    expect(firstHandled).not.toContain('stuck-0-2');
    expect(firstHandled).not.toContain('stuck-0-3');

    const second: Received[] = [];
    await consume(ctx.bus('restarted'), group, async (m) => void second.push(decode(m)));
    await eventually(() => expect(ids(second)).toEqual(expect.arrayContaining([poisoned, 'stuck-0-2', 'stuck-0-3'])));
    const again = second.filter((r) => r.event.subject === 'stuck-0').map((r) => r.event.data.seq);
    expect(again).toEqual([1, 2, 3]);
    expect(new Set([...firstHandled, ...ids(second)])).toEqual(new Set(events.map((e) => e.id)));
  });
});
