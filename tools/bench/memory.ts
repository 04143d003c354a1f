import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase } from '@marketplace/testing';
import knex from 'knex';
import { reportBenchFailure } from './bench-config';
import { type BenchMarketplace, startBenchMarketplace } from './bench-marketplace';
import { runLevel } from './checkout-load';
import { setUpMarket } from './checkout-market';
import { machineReport } from './machine-report';
import { memoryBenchConfig } from './memory-bench-config';
import { memoryReport, type ServiceMemory } from './memory-report';
import { OrderCompletions } from './order-completions';
import { heapUsedBytes, residentBytes } from './process-memory';
import { RssPeaks } from './rss-peaks';

/**
 * `npm run bench:memory`: the seven services as processes on a fresh database and the bus (Kafka when
 * configured). Each one's resident set (VmRSS) as soon as all are ready, then, once they have settled,
 * again (the median of a few samples a second apart) with the V8 heap used; then checkouts through the
 * gateway, sampling every process's resident set for its peak. Not a test: it prints figures.
 */
async function main(): Promise<void> {
  const config = memoryBenchConfig();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const database = await createTestDatabase('bench_memory');
  const db = knex({ client: 'pg', connection: database.url, pool: { min: 0, max: 2 } });
  let marketplace: BenchMarketplace | undefined;
  let completions: OrderCompletions | undefined;
  try {
    for (const line of await machineReport(database.url)) log(line);
    log(`bus: ${config.kafkaBrokers ? 'kafka' : 'embedded'}; starting the seven services as processes ...`);
    marketplace = await startBenchMarketplace('bench-memory', database.url, config.kafkaBrokers);
    const { api, admin, services } = marketplace;
    const pids = services.map((service) => service.pid);
    const ready = await Promise.all(pids.map(residentBytes));
    log(`all ready; idle for ${config.settleSeconds} s, then ${config.samples} samples a second apart ...`);
    await sleep(config.settleSeconds * 1000);
    const idle = await idleResidentBytes(pids, config.samples);
    const rows: ServiceMemory[] = [];
    for (const [i, service] of services.entries()) rows.push({ service: service.name, readyRssBytes: ready[i], idleRssBytes: idle[i], idleHeapBytes: await heapUsedBytes(service.url) });
    if (config.loadSeconds > 0) {
      log(`setting up ${config.products} products and ${config.concurrency} buyers, then ${config.loadSeconds} s of checkouts at concurrency ${config.concurrency} ...`);
      const market = await setUpMarket(api, db, admin, config.products, config.concurrency);
      completions = await OrderCompletions.follow(database.url);
      const peaks = new RssPeaks(pids, 250);
      const load = await runLevel(api, market, completions, { concurrency: config.concurrency, seconds: config.loadSeconds, lostAfterMs: config.lostAfterMs });
      const peak = peaks.stop();
      for (const [i, service] of services.entries()) Object.assign(rows[i], { loadPeakRssBytes: peak.get(service.pid), loadHeapBytes: await heapUsedBytes(service.url) });
      log(`load: ${load.placed} orders, ${load.confirmedPerSecond.toFixed(1)} confirmed/s, ${load.errors} errors, ${load.lost} lost`);
      if (load.errors > 0 || load.lost > 0) process.exitCode = 1;
    }
    log('');
    log(memoryReport(rows));
  } finally {
    await completions?.close();
    await marketplace?.stop();
    await db.destroy();
    await database.drop();
  }
}

/** Each process's median resident set over `samples` readings a second apart. */
async function idleResidentBytes(pids: number[], samples: number): Promise<number[]> {
  const readings: number[][] = pids.map(() => []);
  for (let n = 0; n < samples; n++) {
    if (n > 0) await sleep(1000);
    for (const [i, pid] of pids.entries()) readings[i].push(await residentBytes(pid));
  }
  return readings.map((values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]);
}

main().catch(reportBenchFailure);
