import { randomUUID } from 'node:crypto';
import { createCloudEvent, eventExamples, type MarketplaceEventOf } from '@marketplace/contracts';
import type { Consumer, IncomingMessage, MessageBus, RetryPolicy } from '../src';

export type StockAdjusted = MarketplaceEventOf<'marketplace.catalog.StockAdjusted.v1'>;

/** Retries that finish in milliseconds, so a poison message reaches the DLQ quickly. */
export const FAST_RETRY: Partial<RetryPolicy> = { maxAttempts: 3, initialDelayMs: 10, multiplier: 2, maxDelayMs: 50, jitter: 0.5 };

/** A valid event of a real contract type; `onHand` carries a per-key sequence number for order checks. */
export function stockAdjusted(productId: string, seq: number): StockAdjusted {
  return createCloudEvent({
    id: randomUUID(),
    time: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
    source: 'marketplace/catalog',
    type: 'marketplace.catalog.StockAdjusted.v1',
    subject: productId,
    data: { ...eventExamples['marketplace.catalog.StockAdjusted.v1'], productId, onHand: seq, available: seq },
  });
}

/** Every message of `topics`, as received by a consumer group of its own. */
export interface Collector {
  readonly messages: IncomingMessage[];
  events(): StockAdjusted[];
  stop(): Promise<void>;
}

export async function collect(bus: MessageBus, groupId: string, topics: string[]): Promise<Collector> {
  const messages: IncomingMessage[] = [];
  await bus.ensureTopics(topics);
  // A batch at a time (one commit per batch): a collector of a topic that other runs share, read from the
  // beginning, gets through its history in seconds rather than minutes.
  const consumer: Consumer = await bus.consumer({ groupId, topics, onBatch: async (batch) => void messages.push(...batch.messages) });
  return {
    messages,
    events: () => messages.map((m) => JSON.parse(m.value.toString('utf8')) as StockAdjusted),
    stop: () => consumer.stop(),
  };
}

/**
 * Checks what at-least-once delivery promises for each key: every expected sequence number arrived,
 * and in order once redeliveries are dropped (the first arrival of each is in ascending order).
 */
export function expectEveryEventInKeyOrder(received: StockAdjusted[], expected: Map<string, number>): void {
  const firstArrivals = new Map<string, number[]>();
  const seen = new Set<string>();
  for (const event of received) {
    if (!expected.has(event.subject) || seen.has(event.id)) continue;
    seen.add(event.id);
    firstArrivals.set(event.subject, [...(firstArrivals.get(event.subject) ?? []), event.data.onHand]);
  }
  for (const [key, count] of expected) {
    expect({ key, seqs: firstArrivals.get(key) }).toEqual({ key, seqs: Array.from({ length: count }, (_, i) => i) });
  }
}
