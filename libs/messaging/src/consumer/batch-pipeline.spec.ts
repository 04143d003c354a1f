import { createCloudEvent, eventExamples } from '@marketplace/contracts';
import type { IncomingMessage, MessageBatch, OutgoingMessage } from '../port';
import { DEAD_LETTER_HEADERS } from './dead-letter';
import { DeadLetterPublishError } from './errors';
import type { EventBatch, EventContext } from './event-handler';
import { BatchAbandonedError, createBatchPipeline, type EventPipelineOptions } from './event-pipeline';

const TOPIC = 'catalog.inventory.v1';

function stock(n: number) {
  return createCloudEvent({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    time: '2026-03-01T12:00:00.000Z',
    source: 'marketplace/catalog',
    type: 'marketplace.catalog.StockAdjusted.v1',
    subject: eventExamples['marketplace.catalog.StockAdjusted.v1'].productId,
    data: { ...eventExamples['marketplace.catalog.StockAdjusted.v1'], onHand: n },
  });
}

const message = (offset: number, value: string): IncomingMessage => ({ topic: TOPIC, partition: 2, offset: String(offset), key: 'k', value: Buffer.from(value), headers: {} });
const valid = (offset: number) => message(offset, JSON.stringify(stock(offset)));

/** A batch over `messages` that records what was resolved; `activeFor` messages handed over, then inactive. */
function batchOf(messages: IncomingMessage[], activeFor = Infinity): MessageBatch & { resolved: string[]; heartbeats: number } {
  let checks = 0;
  const batch = {
    topic: TOPIC,
    partition: 2,
    messages,
    resolved: [] as string[],
    heartbeats: 0,
    resolveOffset: (offset: string) => void batch.resolved.push(offset),
    heartbeat: async () => void batch.heartbeats++,
    isActive: () => checks++ < activeFor,
  };
  return batch;
}

function harness(overrides: Partial<EventPipelineOptions> & { failFor?: (batch: EventBatch) => boolean } = {}) {
  const sent: OutgoingMessage[][] = [];
  const batches: EventBatch[] = [];
  const perEvent: EventContext[] = [];
  const counts = { handled: 0, retried: 0, deadLettered: [] as string[] };
  const onBatch = createBatchPipeline({
    groupId: 'search',
    handler: async (_event, context) => void perEvent.push(context),
    batchHandlerFor: (topic) =>
      topic === TOPIC
        ? async (batch) => {
            batches.push(batch);
            if (overrides.failFor?.(batch)) throw new RangeError(`batch of ${batch.events.length} failed`);
          }
        : undefined,
    deadLetters: { send: async (messages) => void sent.push(messages) },
    retry: { maxAttempts: 3, initialDelayMs: 1, multiplier: 1, maxDelayMs: 1, jitter: 0 },
    metrics: { handled: () => void counts.handled++, retried: () => void counts.retried++, deadLettered: ({ reason }) => void counts.deadLettered.push(reason) },
    sleep: async () => undefined,
    ...overrides,
  });
  const offsetsOf = (batch: EventBatch) => batch.events.map((e) => e.context.offset);
  return { onBatch, sent, batches, perEvent, counts, offsetsOf };
}

describe('batch pipeline', () => {
  it('hands the valid events to the batch handler in one call, in offset order, and dead-letters the invalid ones in one publish', async () => {
    const h = harness();
    const batch = batchOf([valid(10), message(11, '{"id":'), valid(12), message(13, JSON.stringify({ ...stock(13), data: { onHand: -1 } })), valid(14)]);
    await h.onBatch(batch);
    expect(h.batches.map(h.offsetsOf)).toEqual([['10', '12', '14']]);
    expect(h.batches[0]).toMatchObject({ topic: TOPIC, partition: 2, groupId: 'search' });
    expect(h.batches[0].events.map((e) => e.event.data)).toEqual([10, 12, 14].map((n) => expect.objectContaining({ onHand: n })));
    expect(h.batches[0].events.every((e) => e.context.attempt === 1 && e.context.groupId === 'search')).toBe(true);
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0].map((letter) => letter.headers?.[DEAD_LETTER_HEADERS.offset])).toEqual(['11', '13']);
    expect(h.sent[0].every((letter) => letter.headers?.[DEAD_LETTER_HEADERS.attempts] === '0')).toBe(true);
    expect(h.counts).toEqual({ handled: 3, retried: 0, deadLettered: ['invalid', 'invalid'] });
    // Resolved as a whole by the adapter once onBatch resolves.
    expect(batch.resolved).toEqual([]);
  });

  it('falls back to one event at a time when the batch handler throws: the poison one is retried and dead-lettered, each other one is handled once', async () => {
    const poison = stock(21).id;
    const h = harness({ failFor: (batch) => batch.events.some((e) => e.event.id === poison) });
    const batch = batchOf([valid(20), valid(21), message(22, 'garbage'), valid(23)]);
    await h.onBatch(batch);
    const calls = h.batches.map(h.offsetsOf);
    expect(calls).toEqual([['20', '21', '23'], ['20'], ['21'], ['21'], ['21'], ['23']]);
    expect(h.batches.slice(2, 5).map((b) => b.events[0].context.attempt)).toEqual([1, 2, 3]);
    expect(h.sent.map((letters) => letters.map((l) => [l.headers?.[DEAD_LETTER_HEADERS.offset], l.headers?.[DEAD_LETTER_HEADERS.attempts]]))).toEqual([
      [['22', '0']],
      [['21', '3']],
    ]);
    expect(h.counts).toEqual({ handled: 2, retried: 2, deadLettered: ['invalid', 'failed'] });
    expect(batch.resolved).toEqual(['20', '21', '23']);
    expect(batch.heartbeats).toBe(3);
  });

  it('hands a topic without a batch handler over one message at a time, resolving each', async () => {
    const h = harness();
    const batch = { ...batchOf([]), topic: 'catalog.product.v1' };
    batch.messages = [0, 1, 2].map((n) => ({ ...valid(n), topic: 'catalog.product.v1' }));
    await h.onBatch(batch);
    expect(h.batches).toEqual([]);
    expect(h.perEvent.map((c) => c.offset)).toEqual(['0', '1', '2']);
  });

  it('stops between events once the batch is no longer active, leaving the rest for redelivery', async () => {
    const h = harness({ failFor: () => true });
    const batch = batchOf([valid(30), valid(31), valid(32)], 1);
    await expect(h.onBatch(batch)).rejects.toThrow(BatchAbandonedError);
    expect(batch.resolved).toEqual(['30']);
  });

  it('rejects without calling the handler when the dead letters cannot be published, so nothing is committed', async () => {
    const h = harness({ deadLetters: { send: async () => Promise.reject(new Error('broker down')) } });
    await expect(h.onBatch(batchOf([valid(40), message(41, 'garbage')]))).rejects.toThrow(DeadLetterPublishError);
    expect(h.batches).toEqual([]);
  });
});
