import { randomUUID } from 'node:crypto';
import { createCloudEvent, type MarketplaceEvent, topicForType } from '@marketplace/contracts';
import { createMessageBus } from '@marketplace/messaging';
import { createTestDatabase, ServiceCluster, waitFor } from '@marketplace/testing';
import { reportBenchFailure } from './bench-config';
import { benchCatalog, type BenchCatalog } from './search-catalog';
import { searchBenchConfig } from './search-bench-config';
import { type LatencySummary, searchOnce, summarise, timed, totalOf } from './search-load';

/**
 * `npm run bench:search`: search as its own process on a fresh database and the bus (Kafka when
 * configured). A catalog of 10,000 products is published on the catalog topics; once all of it is
 * searchable, a mix of queries is timed one at a time over HTTP, then the time from publishing a
 * ProductUpdated to the new title being found by a search. Not a test: it prints figures.
 */
async function main(): Promise<void> {
  const config = searchBenchConfig();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const database = await createTestDatabase('bench_search');
  const bus = createMessageBus({ clientId: 'bench-catalog', kafkaBrokers: config.kafkaBrokers, databaseUrl: database.url });
  let cluster: ServiceCluster | undefined;
  try {
    log(`starting search as a process (bus: ${config.kafkaBrokers ? 'kafka' : 'embedded'}) ...`);
    cluster = await ServiceCluster.start({
      label: 'bench-search',
      databaseUrl: database.url,
      kafkaBrokers: config.kafkaBrokers,
      // One group across runs: a new group would start from the beginning of the topics, history and all.
      backends: [{ app: 'search', env: { SEARCH_CONSUMER_GROUP: 'bench-search' } }],
    });
    const base = cluster.url('search');
    const producer = await bus.producer();
    const publish = (events: MarketplaceEvent[]) =>
      producer.send(events.map((event) => ({ topic: topicForType(event.type), key: event.subject, value: event })));
    const now = () => new Date().toISOString();

    const catalog = benchCatalog(config.products, now);
    log(`publishing ${catalog.events.length} catalog events for ${config.products} products ...`);
    const seeding = await timed(async () => {
      for (let i = 0; i < catalog.events.length; i += 1000) await publish(catalog.events.slice(i, i + 1000));
      // The four top-level categories hold every product between them.
      const perTop = catalog.categoryIds.filter((_, i) => i % 13 === 0);
      await waitFor(async () => {
        const totals = await Promise.all(perTop.map((id) => searchOnce(base, `category=${id}&limit=1`).then(totalOf)));
        return totals.reduce((a, b) => a + b, 0) === config.products;
      }, { timeoutMs: 30 * 60_000, intervalMs: 1000, description: `all ${config.products} products searchable` });
    });
    log(`  all searchable after ${(seeding.ms / 1000).toFixed(1)} s (${Math.round(catalog.events.length / (seeding.ms / 1000))} events/s through the bus, log and projection; any backlog from before this run included)`);

    const mix = queryMix(catalog);
    for (const params of mix) await searchOnce(base, params);
    const samples = mix.map(() => [] as number[]);
    for (let i = 0; i < config.queries; i += 1) samples[i % mix.length].push((await timed(() => searchOnce(base, mix[i % mix.length]))).ms);
    const searches = summarise(samples.flat());

    const visibility: number[] = [];
    for (let n = 0; n < config.updates; n += 1) {
      const product = catalog.products[(n * 97) % catalog.products.length];
      const token = `zq${n}x${randomUUID().slice(0, 6)}`;
      const update = createCloudEvent({
        id: randomUUID(),
        time: now(),
        source: 'catalog',
        type: 'marketplace.catalog.ProductUpdated.v1',
        subject: product.id,
        data: {
          productId: product.id,
          sellerId: product.sellerId,
          categoryId: product.categoryId,
          title: `${product.title} ${token}`,
          description: product.description,
          attributes: { colour: [product.colour] },
          imageUrls: [],
          updatedAt: now(),
        },
      });
      const { ms } = await timed(async () => {
        await publish([update]);
        await waitFor(async () => (await searchOnce(base, `q=${token}`)).items.some((item) => item.id === product.id), {
          timeoutMs: 60_000,
          intervalMs: 2,
          description: `update ${n} visible`,
        });
      });
      visibility.push(ms);
    }
    const updates = summarise(visibility);
    await producer.close();

    log('');
    log(`search at ${config.products} products: ${config.queries} searches over ${mix.length} queries, one at a time over HTTP`);
    log(row('search latency', searches));
    mix.forEach((params, i) => log(row(`    ${params.replace(/category=[0-9a-f-]{36}/, 'category=…').replace(/sellerId=[0-9a-f-]{36}/, 'sellerId=…')}`, summarise(samples[i]))));
    log(`update to visible: ${config.updates} ProductUpdated events published on catalog.product.v1, each until a search finds its new title`);
    log(row('update -> visible', updates));
  } finally {
    await cluster?.stop();
    await bus.close();
    await database.drop();
  }
}

function row(name: string, s: LatencySummary): string {
  return `  ${name.padEnd(44)} n=${s.count}  p50 ${s.p50Ms.toFixed(1)} ms  p95 ${s.p95Ms.toFixed(1)} ms  p99 ${s.p99Ms.toFixed(1)} ms  max ${s.maxMs.toFixed(1)} ms`;
}

/** Words, typos, filters, facets and sorts as a storefront would send them. */
function queryMix(catalog: BenchCatalog): string[] {
  const [electronics] = catalog.categoryIds;
  const seller = catalog.products[3].sellerId;
  return [
    'q=headphones',
    'q=wireless%20headphones',
    'q=rugged%20boots&inStock=true',
    'q=lamp&sort=price_asc',
    'q=premium%20laptop',
    'q=headphnes',
    'q=backpak',
    'q=navy&sort=rating',
    `category=${electronics}`,
    `category=${electronics}&minPrice=2000&maxPrice=20000&sort=price_desc`,
    'minPrice=1000&maxPrice=5000&inStock=true&sort=newest',
    `sellerId=${seller}&sort=newest`,
    'sort=rating&limit=50',
    `q=tent&category=${catalog.categoryIds[39]}`,
    'q=kestrel%20compact',
  ];
}

main().catch(reportBenchFailure);
