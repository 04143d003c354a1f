import type { BenchDatabase } from './bench-database';
import type { BenchMarketplace } from './bench-marketplace';
import { runLevel, type LevelResult } from './checkout-load';
import { setUpMarket } from './checkout-market';
import type { MemoryBenchConfig } from './memory-bench-config';
import { OrderCompletions } from './order-completions';
import { runtimeFigures } from './process-memory';
import { RssPeaks } from './rss-peaks';

export interface LoadMemory {
  load: LevelResult;
  /** Per service, in the marketplace's order: the peak resident set during the checkouts, the heap used after, and the CPU and GC time they took. */
  services: { peakRssBytes?: number; heapUsedBytes: number; cpuSeconds: number; gcSeconds: number }[];
}

/**
 * Lists products, signs buyers up, then runs checkouts at the configured concurrency while sampling every
 * process's resident set; each service's CPU and GC time over the checkouts from its /metrics before and after.
 */
export async function memoryUnderLoad(marketplace: BenchMarketplace, database: BenchDatabase, config: MemoryBenchConfig): Promise<LoadMemory> {
  const { api, admin, services } = marketplace;
  const market = await setUpMarket(api, database.db, admin, config.products, config.concurrency);
  const completions = await OrderCompletions.follow(database.url);
  try {
    const before = await Promise.all(services.map((service) => runtimeFigures(service.url)));
    const peaks = new RssPeaks(services.map((service) => service.pid), 250);
    const load = await runLevel(api, market, completions, { concurrency: config.concurrency, seconds: config.loadSeconds, lostAfterMs: config.lostAfterMs });
    const peak = peaks.stop();
    const after = await Promise.all(services.map((service) => runtimeFigures(service.url)));
    return {
      load,
      services: services.map((service, i) => ({
        peakRssBytes: peak.get(service.pid),
        heapUsedBytes: after[i].heapUsedBytes,
        cpuSeconds: after[i].cpuSeconds - before[i].cpuSeconds,
        gcSeconds: after[i].gcSeconds - before[i].gcSeconds,
      })),
    };
  } finally {
    await completions.close();
  }
}
