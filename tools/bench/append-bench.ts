import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { type ExpectedRevision, type NewEvent, PostgresEventStore } from '@marketplace/event-store';
import { elapsedSeconds, type Measurement, percentile } from './measurement';

export interface AppendBenchOptions {
  databaseUrl: string;
  streams: number;
  appends: number;
  batchSize: number;
  concurrency: number;
}

/**
 * Appends of `batchSize` events, `concurrency` at a time, into an empty store of its own schema. Each
 * stream belongs to one worker, so every append states the exact revision it expects (as a command
 * handler would) and none conflicts: the figure is the write path, not retries.
 */
export async function benchAppends(options: AppendBenchOptions): Promise<Measurement> {
  const { databaseUrl, streams, appends, batchSize, concurrency } = options;
  const schema = `bench_append_b${batchSize}_c${concurrency}`;
  const pool = new Pool({ connectionString: databaseUrl, max: concurrency + 1 });
  const store = new PostgresEventStore({ pool, schema });
  await store.migrate();
  const revisions = new Map<number, number>();
  const latenciesMs: number[] = [];
  let next = 0;

  // Append k goes to stream k % streams, and a stream always to the same worker.
  const work = Array.from({ length: concurrency }, () => [] as number[]);
  for (let k = 0; k < appends; k++) work[(k % streams) % concurrency].push(k % streams);

  const worker = async (w: number) => {
    for (const stream of work[w]) {
      const revision = revisions.get(stream);
      const expectedRevision: ExpectedRevision = revision ?? 'no_stream';
      const started = process.hrtime.bigint();
      const result = await store.appendToStream(`order-${stream}`, batch(batchSize, next++), { expectedRevision });
      latenciesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
      revisions.set(stream, result.nextExpectedRevision);
    }
  };

  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const seconds = elapsedSeconds(started);
  await store.close();
  await pool.end();

  latenciesMs.sort((a, b) => a - b);
  return {
    name: `append ${batchSize} event${batchSize > 1 ? 's' : ''}, concurrency ${concurrency}`,
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
