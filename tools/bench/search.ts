import { randomUUID } from 'node:crypto';
import { createCloudEvent, type MarketplaceEvent } from '@marketplace/contracts';
import { waitFor } from '@marketplace/testing';
import { reportBenchFailure } from './bench-config';
import { machineReport } from './machine-report';
import { benchCatalog, type BenchCatalog } from './search-catalog';
import { searchBenchConfig } from './search-bench-config';
import { ingest, type IngestionResult, ingestionRow, openSearchWorld } from './search-ingestion';
import { type LatencySummary, searchOnce, summarise, timed } from './search-load';
import { benchProductUpserts } from './search-upsert-bound';

/**
 * `npm run bench:search`: search as its own process on a fresh database and the bus (Kafka when
 * configured). Ingestion first: a catalog is published on the catalog topics and timed until all of it
 * is searchable, once with search consuming one message at a time (SEARCH_CONSUMER_BATCH=false, the
 * path before batches; a smaller catalog, BENCH_SEARCH_BASELINE_PRODUCTS, 0 to skip) and once a partition
 * batch at a time (the default) with the 10,000-product catalog. On that one, a mix of queries is then
 * timed one at a time over HTTP, then the time from publishing a ProductUpdated to the new title being
 * found by a search, then the projection's product upsert alone (what bounds the read model). Not a
 * test: it prints figures.
 */
async function main(): Promise<void> {
  const config = searchBenchConfig();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const now = () => new Date().toISOString();
  const bus = config.kafkaBrokers ? 'kafka' : 'embedded';
  const ingestion: IngestionResult[] = [];
  for (const line of await machineReport(config.databaseUrl)) log(line);

  if (config.baselineProducts > 0) {
    log(`search consuming one message at a time (bus: ${bus}) ...`);
    const world = await openSearchWorld('per message', config.kafkaBrokers);
    try {
      const catalog = benchCatalog(config.baselineProducts, now);
      log(`publishing ${catalog.events.length} catalog events for ${config.baselineProducts} products, then starting search on them ...`);
      ingestion.push(await ingest(world, catalog));
      log(ingestionRow(ingestion[0]));
    } finally {
      await world.close();
    }
  }

  log(`search consuming a partition batch at a time (bus: ${bus}) ...`);
  const world = await openSearchWorld('batch', config.kafkaBrokers);
  try {
    const catalog = benchCatalog(config.products, now);
    log(`publishing ${catalog.events.length} catalog events for ${config.products} products, then starting search on them ...`);
    ingestion.push(await ingest(world, catalog));
    log(ingestionRow(ingestion[ingestion.length - 1]));
    const base = world.base;
    const publish = (events: MarketplaceEvent[]) => world.publish(events);

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
    const upserts = await benchProductUpserts(world.databaseUrl);

    log('');
    log(`ingestion (bus: ${bus}): a backlog of catalog events on catalog.product.v1 and catalog.inventory.v1, timed from the first event in search's log`);
    ingestion.forEach((result) => log(ingestionRow(result)));
    log(`search at ${config.products} products: ${config.queries} searches over ${mix.length} queries, one at a time over HTTP`);
    log(row('search latency', searches));
    mix.forEach((params, i) => log(row(`    ${params.replace(/category=[0-9a-f-]{36}/, 'category=…').replace(/sellerId=[0-9a-f-]{36}/, 'sellerId=…')}`, summarise(samples[i]))));
    log(`update to visible: ${config.updates} ProductUpdated events published on catalog.product.v1, each until a search finds its new title`);
    log(row('update -> visible', updates));
    log(`what bounds the read model: the projection's product upsert alone, ${config.products} products, one statement per 167 (a 500-event batch)`);
    log(`  the projection wrote ${upserts.writesPerProduct.toFixed(2)} row versions per product`);
    upserts.bounds.forEach((u) => log(`  ${u.variant.padEnd(44)} ${u.pass.padEnd(6)} ${String(Math.round(u.rowsPerSecond)).padStart(7)} products/s`));
  } finally {
    await world.close();
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
