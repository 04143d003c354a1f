import type { BenchDatabase } from './bench-database';
import type { BenchMarketplace } from './bench-marketplace';
import { runLevel, type LevelResult } from './checkout-load';
import { setUpMarket } from './checkout-market';
import type { MemoryBenchConfig } from './memory-bench-config';
import { OrderCompletions } from './order-completions';
import { heapUsedBytes } from './process-memory';
import { RssPeaks } from './rss-peaks';

export interface LoadMemory {
  load: LevelResult;
  /** Per service, in the marketplace's order: the peak resident set during the checkouts and the heap used after. */
  services: { peakRssBytes?: number; heapUsedBytes: number }[];
}

/** Lists products, signs buyers up, then runs checkouts at the configured concurrency while sampling every process's resident set. */
export async function memoryUnderLoad(marketplace: BenchMarketplace, database: BenchDatabase, config: MemoryBenchConfig): Promise<LoadMemory> {
  const { api, admin, services } = marketplace;
  const market = await setUpMarket(api, database.db, admin, config.products, config.concurrency);
  const completions = await OrderCompletions.follow(database.url);
  try {
    const peaks = new RssPeaks(services.map((service) => service.pid), 250);
    const load = await runLevel(api, market, completions, { concurrency: config.concurrency, seconds: config.loadSeconds, lostAfterMs: config.lostAfterMs });
    const peak = peaks.stop();
    const heaps = await Promise.all(services.map((service) => heapUsedBytes(service.url)));
    return { load, services: services.map((service, i) => ({ peakRssBytes: peak.get(service.pid), heapUsedBytes: heaps[i] })) };
  } finally {
    await completions.close();
  }
}
