import { type MarketplaceEvent, topicForType } from '@marketplace/contracts';
import { createMessageBus, type MessageBus, type Producer } from '@marketplace/messaging';
import { createTestDatabase, ServiceCluster, type TestDatabase, waitFor } from '@marketplace/testing';
import { Client } from 'pg';
import type { BenchCatalog } from './search-catalog';
import { deleteTopics, runTopicPrefix } from './run-topics';
import { searchOnce, totalOf } from './search-load';

/** How search takes catalog events off the bus: SEARCH_CONSUMER_BATCH=false, or the default. */
export type IngestionMode = 'per message' | 'batch';

/**
 * A fresh database and (on Kafka) topics and a consumer group of its own (KAFKA_TOPIC_PREFIX, deleted
 * after), so search starts on nothing from other runs; search itself is started by `ingest`, once its backlog is published.
 */
export interface SearchWorld {
  readonly mode: IngestionMode;
  /** search's base URL, once started. */
  readonly base: string;
  publish(events: MarketplaceEvent[]): Promise<void>;
  close(): Promise<void>;
}

export interface IngestionResult {
  mode: IngestionMode;
  events: number;
  products: number;
  /** From the first event in search's log to the last (the consumer alone: bus into search's log). */
  logMs: number;
  /** From the first event in search's log until every product is found by a search (log and projection too). */
  searchableMs: number;
}

/** Where search's database is made (another PostgreSQL server than the tests', e.g. one with pgvector) and search's own settings. */
export interface SearchWorldOptions {
  adminUrl?: string;
  env?: Record<string, string>;
}

export async function openSearchWorld(
  mode: IngestionMode,
  kafkaBrokers: string[] | undefined,
  options: SearchWorldOptions = {},
): Promise<SearchWorld & { start(): Promise<void>; databaseUrl: string }> {
  const tag = mode === 'batch' ? 'batch' : 'message';
  const database: TestDatabase = await createTestDatabase(`bench_search_${tag}`, options.adminUrl);
  const prefix = kafkaBrokers ? runTopicPrefix(`bench-search-${tag}`) : undefined;
  let bus: MessageBus | undefined;
  let producer: Producer | undefined;
  let cluster: ServiceCluster | undefined;
  const close = async () => {
    await cluster?.stop();
    await producer?.close();
    await bus?.close();
    if (kafkaBrokers && prefix) await deleteTopics(kafkaBrokers, prefix);
    await database.drop();
  };
  try {
    bus = createMessageBus({ clientId: 'bench-catalog', kafkaBrokers, kafkaTopicPrefix: prefix, databaseUrl: database.url });
    producer = await bus.producer();
    const send = producer;
    return {
      mode,
      databaseUrl: database.url,
      get base() {
        if (!cluster) throw new Error('search is not started');
        return cluster.url('search');
      },
      publish: (events) => send.send(events.map((event) => ({ topic: topicForType(event.type), key: event.subject, value: event }))),
      start: async () => {
        cluster = await ServiceCluster.start({
          label: `bench-search-${tag}`,
          databaseUrl: database.url,
          kafkaBrokers,
          backends: [{ app: 'search', env: { ...options.env, SEARCH_CONSUMER_BATCH: String(mode === 'batch'), KAFKA_TOPIC_PREFIX: prefix } }],
        });
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Publishes the catalog on the topics first (1,000 events a send), then starts search on that backlog
 * and waits until every product is searchable. Timed from the first event search put in its log, so
 * neither the publishing nor search's start-up (nor Kafka's group join) counts: catalog events through
 * search's consumer into its log, and on through its projection into the read model.
 */
export async function ingest(world: Awaited<ReturnType<typeof openSearchWorld>>, catalog: BenchCatalog): Promise<IngestionResult> {
  for (let i = 0; i < catalog.events.length; i += 1000) await world.publish(catalog.events.slice(i, i + 1000));
  await world.start();
  // The four top-level categories hold every product between them.
  const perTop = catalog.categoryIds.filter((_, i) => i % 13 === 0);
  await waitFor(
    async () => {
      const totals = await Promise.all(perTop.map((id) => searchOnce(world.base, `category=${id}&limit=1`).then(totalOf)));
      return totals.reduce((a, b) => a + b, 0) === catalog.products.length;
    },
    { timeoutMs: 30 * 60_000, intervalMs: 20, description: `all ${catalog.products.length} products searchable (${world.mode})` },
  );
  const searchableAt = Date.now();
  const client = new Client({ connectionString: world.databaseUrl });
  await client.connect();
  try {
    const logged = async () => {
      const { rows } = await client.query<{ first: string; last: string; count: string }>(
        `SELECT extract(epoch FROM min(recorded_at)) * 1000 AS first, extract(epoch FROM max(recorded_at)) * 1000 AS last, count(*) AS count FROM search.events`,
      );
      return rows[0];
    };
    // Every product can be searchable while stock events of another topic are still on their way into the log.
    await waitFor(async () => Number((await logged()).count) >= catalog.events.length, { timeoutMs: 5 * 60_000, intervalMs: 50, description: `all ${catalog.events.length} events in search's log` });
    const { first, last, count } = await logged();
    if (Number(count) !== catalog.events.length) throw new Error(`search's log holds ${count} events, not the ${catalog.events.length} published`);
    return { mode: world.mode, events: catalog.events.length, products: catalog.products.length, logMs: Number(last) - Number(first), searchableMs: searchableAt - Number(first) };
  } finally {
    await client.end();
  }
}

export function ingestionRow(result: IngestionResult): string {
  const rate = (ms: number) => `${String(Math.round(result.events / (ms / 1000))).padStart(6)} events/s in ${(ms / 1000).toFixed(1).padStart(5)} s`;
  return `  ${result.mode.padEnd(12)} ${String(result.events).padStart(6)} events   into search's log ${rate(result.logMs)}   searchable ${rate(result.searchableMs)}`;
}

