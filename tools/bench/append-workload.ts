import { randomUUID } from 'node:crypto';
import type { ExpectedRevision, NewEvent } from '@marketplace/event-store';
import { elapsedSeconds, type Measurement, percentile } from './measurement';

export interface AppendWorkload {
  /** Unique per run, lower-case: names what the run creates (schemas, stream names), so runs never meet. */
  label: string;
  streams: number;
  appends: number;
  batchSize: number;
  concurrency: number;
}

/** One way of writing a batch of events to a stream; answers the stream's next expected revision. */
export type AppendTarget = (stream: string, events: NewEvent[], expectedRevision: ExpectedRevision) => Promise<number>;

/**
 * Appends of `batchSize` events, `concurrency` at a time, through `append`. Each stream belongs to one
 * worker, so every append states the exact revision it expects (as a command handler would) and none
 * conflicts: the figure is the write path, not retries. The same workload for every target, so their
 * figures compare.
 */
export async function runAppendWorkload(name: string, workload: AppendWorkload, append: AppendTarget): Promise<Measurement> {
  const { streams, appends, batchSize, concurrency } = workload;
  const revisions = new Map<number, number>();
  const latenciesMs: number[] = [];
  let next = 0;

  // Append k goes to stream k % streams, and a stream always to the same worker.
  const work = Array.from({ length: concurrency }, () => [] as number[]);
  for (let k = 0; k < appends; k++) work[(k % streams) % concurrency].push(k % streams);

  const worker = async (w: number) => {
    for (const stream of work[w]) {
      const started = process.hrtime.bigint();
      const nextRevision = await append(`order-${stream}`, batch(batchSize, next++), revisions.get(stream) ?? 'no_stream');
      latenciesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
      revisions.set(stream, nextRevision);
    }
  };

  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const seconds = elapsedSeconds(started);
  latenciesMs.sort((a, b) => a - b);
  return {
    name: `${name}: append ${batchSize} event${batchSize > 1 ? 's' : ''}, concurrency ${concurrency}`,
    rate: appends / seconds,
    unit: 'appends/s',
    eventsPerSecond: (appends * batchSize) / seconds,
    count: appends,
    seconds,
    p50Ms: percentile(latenciesMs, 50),
    p99Ms: percentile(latenciesMs, 99),
  };
}

function batch(size: number, n: number): NewEvent[] {
  return Array.from({ length: size }, (_, i) => ({
    id: randomUUID(),
    type: 'marketplace.orders.OrderLineAdded.v1',
    data: { productId: `product-${(n * size + i) % 5000}`, quantity: 1 + (i % 3), unitPrice: { amountMinor: 1999, currency: 'EUR' } },
    metadata: { correlationId: randomUUID() },
  }));
}
