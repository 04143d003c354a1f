import { randomUUID } from 'node:crypto';
import { createCloudEvent } from '@marketplace/contracts';
import { waitFor } from '@marketplace/testing';
import { reportBenchFailure } from './bench-config';
import { machineReport } from './machine-report';
import { benchCatalog, type BenchCatalog } from './search-catalog';
import { searchBenchConfig } from './search-bench-config';
import { ingest, type IngestionResult, ingestionRow, openSearchWorld, type SearchWorld } from './search-ingestion';
import { type LatencySummary, searchOnce, summarise, timed } from './search-load';
import { timeSearchRebuild } from './search-rebuild';
import { benchProductUpserts } from './search-upsert-bound';

/**
 * `npm run bench:search`: search as its own process on a fresh database and the bus (Kafka when
 * configured). Ingestion first: a catalog is published on the catalog topics and timed until all of it
 * is searchable, once with search consuming one message at a time without the model
 * (SEARCH_CONSUMER_BATCH=false, the path before batches; a smaller catalog, BENCH_SEARCH_BASELINE_PRODUCTS,
 * 0 to skip) and once a partition batch at a time with the model (the default), on the 10,000-product
 * catalog: its vectors scanned exactly in process on the infra PostgreSQL, and again with pgvector's HNSW
 * index when a PostgreSQL with pgvector is configured. On each, the query mix is timed one at a time over
 * HTTP by words alone and hybrid, and search-products is rebuilt without and with the model; on the first,
 * the time from publishing a ProductUpdated to the new title being found, and the projection's product
 * upsert alone (what bounds the read model without the model). Not a test: it prints figures.
 */
async function main(): Promise<void> {
  const config = searchBenchConfig();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const now = () => new Date().toISOString();
  const bus = config.kafkaBrokers ? 'kafka' : 'embedded';
  const ingestion: IngestionResult[] = [];
  const report: string[] = [];
  for (const line of await machineReport(config.databaseUrl)) log(line);

  if (config.baselineProducts > 0) {
    log(`search consuming one message at a time, without the model (bus: ${bus}) ...`);
    const world = await openSearchWorld('per message', config.kafkaBrokers, { env: { SEARCH_EMBEDDER: 'none' } });
    try {
      const catalog = benchCatalog(config.baselineProducts, now);
      log(`publishing ${catalog.events.length} catalog events for ${config.baselineProducts} products, then starting search on them ...`);
      ingestion.push(await ingest(world, catalog));
      log(ingestionRow(ingestion[0]));
    } finally {
      await world.close();
    }
  }

  const servers = [{ name: 'exact scan, infra PostgreSQL', adminUrl: undefined }, ...(config.pgvectorUrl ? [{ name: 'pgvector HNSW', adminUrl: config.pgvectorUrl }] : [])];
  for (const [n, server] of servers.entries()) {
    log(`search with the model, vectors by ${server.name}, consuming a partition batch at a time (bus: ${bus}) ...`);
    const world = await openSearchWorld('batch', config.kafkaBrokers, { adminUrl: server.adminUrl, env: { SEARCH_EMBEDDER: 'minilm' } });
    try {
      const catalog = benchCatalog(config.products, now);
      log(`publishing ${catalog.events.length} catalog events for ${config.products} products, then starting search on them ...`);
      const ingested = await ingest(world, catalog);
      ingestion.push(ingested);
      log(ingestionRow(ingested));
      report.push(`vectors by ${server.name}: ${ingestionRow(ingested).trim()}`);
      report.push(...(await timeQueries(world.base, catalog, config.queries)));
      if (n === 0) report.push(...(await timeUpdates(world, catalog, config.updates, now)));
      report.push(...(await timeRebuilds(world.databaseUrl)));
      if (n === 0) report.push(...upsertBound(await benchProductUpserts(world.databaseUrl), config.products));
    } finally {
      await world.close();
    }
  }

  log('');
  log(`ingestion (bus: ${bus}): a backlog of catalog events on catalog.product.v1 and catalog.inventory.v1, timed from the first event in search's log`);
  ingestion.forEach((result) => log(ingestionRow(result)));
  report.forEach((line) => log(line));
}

/** The query mix one search at a time over HTTP, by words alone and hybrid (the default with a model). */
async function timeQueries(base: string, catalog: BenchCatalog, queries: number): Promise<string[]> {
  const lines = [`search at ${catalog.products.length} products: ${queries} searches per mode over the query mix, one at a time over HTTP`];
  for (const mode of ['text', 'hybrid'] as const) {
    const mix = queryMix(catalog).map((params) => `${params}&mode=${mode}`);
    for (const params of mix) await searchOnce(base, params);
    const samples = mix.map(() => [] as number[]);
    for (let i = 0; i < queries; i += 1) samples[i % mix.length].push((await timed(() => searchOnce(base, mix[i % mix.length]))).ms);
    lines.push(row(`search latency, mode=${mode}`, summarise(samples.flat())));
    mix.forEach((params, i) => lines.push(row(`    ${params.replace(/category=[0-9a-f-]{36}/, 'category=…').replace(/sellerId=[0-9a-f-]{36}/, 'sellerId=…')}`, summarise(samples[i]))));
  }
  return lines;
}

/** ProductUpdated events published one at a time, each until a search finds its new title. */
async function timeUpdates(world: SearchWorld, catalog: BenchCatalog, updates: number, now: () => string): Promise<string[]> {
  const visibility: number[] = [];
  for (let n = 0; n < updates; n += 1) {
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
      await world.publish([update]);
      await waitFor(async () => (await searchOnce(world.base, `q=${token}&mode=text`)).items.some((item) => item.id === product.id), {
        timeoutMs: 60_000,
        intervalMs: 2,
        description: `update ${n} visible`,
      });
    });
    visibility.push(ms);
  }
  return [`update to visible: ${updates} ProductUpdated events published on catalog.product.v1, each until a search finds its new title (re-embedded on the way)`, row('update -> visible', summarise(visibility))];
}

/** search-products rebuilt from search's log in this process, without and with the model: what embedding costs. */
async function timeRebuilds(databaseUrl: string): Promise<string[]> {
  const lines = ['rebuild of search-products from its log (in the benchmark process, as the ops CLI does it)'];
  for (const embedder of ['none', 'minilm'] as const) {
    const result = await timeSearchRebuild(databaseUrl, embedder);
    const embedded = embedder === 'none' ? '' : `: ${Math.round(result.products / result.seconds)} products embedded/s`;
    lines.push(`  SEARCH_EMBEDDER=${embedder.padEnd(7)} ${result.products} published products in ${result.seconds.toFixed(1)} s${embedded}`);
  }
  return lines;
}

function upsertBound(upserts: Awaited<ReturnType<typeof benchProductUpserts>>, products: number): string[] {
  return [
    `what bounds the read model without the model: the projection's product upsert alone, ${products} products, one statement per 167 (a 500-event batch)`,
    `  the projection wrote ${upserts.writesPerProduct.toFixed(2)} row versions per product`,
    ...upserts.bounds.map((u) => `  ${u.variant.padEnd(44)} ${u.pass.padEnd(6)} ${String(Math.round(u.rowsPerSecond)).padStart(7)} products/s`),
  ];
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
