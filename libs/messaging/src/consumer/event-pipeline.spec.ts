import { createCloudEvent, eventExamples } from '@marketplace/contracts';
import type { IncomingMessage, OutgoingMessage } from '../port';
import type { ConsumerMetrics } from './consumer-metrics';
import { DEAD_LETTER_HEADERS } from './dead-letter';
import { DeadLetterPublishError, UnprocessableEventError } from './errors';
import type { EventContext } from './event-handler';
import { createEventPipeline, type EventPipelineOptions } from './event-pipeline';

const event = createCloudEvent({
  id: '0b7f7bd6-5c2a-4a8e-9d43-6c1e2b7b0f11',
  time: '2026-03-01T12:00:00.000Z',
  source: 'marketplace/catalog',
  type: 'marketplace.catalog.StockAdjusted.v1',
  subject: eventExamples['marketplace.catalog.StockAdjusted.v1'].productId,
  data: eventExamples['marketplace.catalog.StockAdjusted.v1'],
});

function incoming(value: Buffer | string): IncomingMessage {
  return { topic: 'catalog.inventory.v1', partition: 1, offset: '7', key: event.subject, value: Buffer.from(value), headers: { 'ce-id': event.id } };
}

function harness(overrides: Partial<EventPipelineOptions> & { failures?: number } = {}) {
  const sent: OutgoingMessage[] = [];
  const sleeps: number[] = [];
  const seen: EventContext[] = [];
  const counts = { handled: 0, retried: [] as number[], deadLettered: [] as string[] };
  const metrics: ConsumerMetrics = {
    handled: () => counts.handled++,
    retried: ({ attempt }) => counts.retried.push(attempt),
    deadLettered: ({ reason }) => counts.deadLettered.push(reason),
  };
  let failuresLeft = overrides.failures ?? 0;
  const onMessage = createEventPipeline({
    groupId: 'search',
    handler: async (_event, context) => {
      seen.push(context);
      if (failuresLeft-- > 0) throw new RangeError(`failure ${seen.length}`);
    },
    deadLetters: { send: async (messages) => void sent.push(...messages) },
    retry: { maxAttempts: 4, initialDelayMs: 100, multiplier: 2, maxDelayMs: 1_000, jitter: 0.5 },
    metrics,
    random: () => 0.5,
    sleep: async (ms) => void sleeps.push(ms),
    now: () => new Date('2026-03-01T13:00:00.000Z'),
    ...overrides,
  });
  return { onMessage, sent, sleeps, seen, counts };
}

describe('event pipeline', () => {
  it('hands the validated CloudEvent and its context to the handler', async () => {
    const h = harness();
    await h.onMessage(incoming(JSON.stringify(event)));
    expect(h.seen).toHaveLength(1);
    expect(h.seen[0]).toMatchObject({ topic: 'catalog.inventory.v1', partition: 1, offset: '7', groupId: 'search', attempt: 1 });
    expect(h.sent).toEqual([]);
    expect(h.counts.handled).toBe(1);
  });

  it('retries a failing handler with backoff and jitter, then succeeds without a dead letter', async () => {
    const h = harness({ failures: 3 });
    await h.onMessage(incoming(JSON.stringify(event)));
    expect(h.seen.map((c) => c.attempt)).toEqual([1, 2, 3, 4]);
    expect(h.sleeps).toEqual([75, 150, 300]);
    expect(h.counts).toEqual({ handled: 1, retried: [1, 2, 3], deadLettered: [] });
    expect(h.sent).toEqual([]);
  });

  it('dead-letters an event the handler calls unprocessable at once, without a retry', async () => {
    const h = harness({
      handler: async () => {
        throw new UnprocessableEventError('sealed under another key');
      },
    });
    await h.onMessage(incoming(JSON.stringify(event)));
    expect(h.sleeps).toEqual([]);
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0].headers).toMatchObject({ [DEAD_LETTER_HEADERS.errorName]: 'UnprocessableEventError', [DEAD_LETTER_HEADERS.attempts]: '1' });
    expect(h.counts.deadLettered).toEqual(['unprocessable']);
  });

  it('dead-letters after the last attempt with the error, and resolves so the partition moves on', async () => {
    const h = harness({ failures: 10 });
    await expect(h.onMessage(incoming(JSON.stringify(event)))).resolves.toBeUndefined();
    expect(h.seen).toHaveLength(4);
    expect(h.sent).toHaveLength(1);
    const [letter] = h.sent;
    expect(letter.topic).toBe('catalog.inventory.v1.dlq');
    expect(letter.value).toEqual(Buffer.from(JSON.stringify(event)));
    expect(letter.headers).toMatchObject({
      [DEAD_LETTER_HEADERS.errorName]: 'RangeError',
      [DEAD_LETTER_HEADERS.errorMessage]: 'failure 4',
      [DEAD_LETTER_HEADERS.attempts]: '4',
      [DEAD_LETTER_HEADERS.failedAt]: '2026-03-01T13:00:00.000Z',
      [DEAD_LETTER_HEADERS.group]: 'search',
    });
    expect(h.counts.deadLettered).toEqual(['failed']);
  });

  it.each([
    ['not JSON', '{"id":'],
    ['not a CloudEvent', JSON.stringify({ hello: 'world' })],
    ['data failing its schema', JSON.stringify({ ...event, data: { ...event.data, onHand: -1 } })],
    ['an unknown type', JSON.stringify({ ...event, type: 'marketplace.catalog.Unheard.v1' })],
  ])('dead-letters %s at once, without calling the handler', async (_case, value) => {
    const h = harness();
    await h.onMessage(incoming(value));
    expect(h.seen).toEqual([]);
    expect(h.sleeps).toEqual([]);
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0].value).toEqual(Buffer.from(value));
    expect(h.sent[0].headers).toMatchObject({ [DEAD_LETTER_HEADERS.errorName]: 'InvalidEventError', [DEAD_LETTER_HEADERS.attempts]: '0' });
    expect(h.counts.deadLettered).toEqual(['invalid']);
  });

  it('rejects when even the dead-letter publish fails, so the adapter does not commit', async () => {
    const h = harness({ deadLetters: { send: async () => Promise.reject(new Error('broker down')) } });
    await expect(h.onMessage(incoming('garbage'))).rejects.toThrow(DeadLetterPublishError);
    expect(h.counts.deadLettered).toEqual([]);
  });

  it('rejects when stopped during a backoff, leaving the message for redelivery', async () => {
    const stopping = new AbortController();
    const h = harness({
      failures: 10,
      signal: stopping.signal,
      sleep: async (_ms, signal) => {
        stopping.abort();
        signal?.throwIfAborted();
      },
    });
    await expect(h.onMessage(incoming(JSON.stringify(event)))).rejects.toThrow();
    expect(h.seen).toHaveLength(1);
    expect(h.sent).toEqual([]);
  });
});
