import { setTimeout as sleep } from 'node:timers/promises';
import { reportBenchFailure } from './bench-config';
import { openBenchDatabase } from './bench-database';
import { type BenchMarketplace, startBenchMarketplace } from './bench-marketplace';
import { machineReport } from './machine-report';
import { memoryBenchConfig } from './memory-bench-config';
import { memoryReport, type ServiceMemory } from './memory-report';
import { memoryUnderLoad } from './memory-under-load';
import { heapUsedBytes, residentBytes } from './process-memory';

/**
 * `npm run bench:memory`: the seven services as processes on a fresh database and the bus (Kafka when
 * configured). Each one's resident set (VmRSS) as soon as all are ready, then, once they have settled,
 * again (the median of a few samples a second apart) with the V8 heap used; then checkouts through the
 * gateway, sampling every process's resident set for its peak. Not a test: it prints figures.
 */
async function main(): Promise<void> {
  const config = memoryBenchConfig();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const database = await openBenchDatabase('bench_memory');
  let marketplace: BenchMarketplace | undefined;
  try {
    for (const line of await machineReport(database.url)) log(line);
    log(`bus: ${config.kafkaBrokers ? 'kafka' : 'embedded'}; starting the seven services as processes ...`);
    marketplace = await startBenchMarketplace('bench-memory', database.url, config.kafkaBrokers);
    const { services } = marketplace;
    const pids = services.map((service) => service.pid);
    const ready = await Promise.all(pids.map(residentBytes));
    log(`all ready; idle for ${config.settleSeconds} s, then ${config.samples} samples a second apart ...`);
    await sleep(config.settleSeconds * 1000);
    const idle = await medianResidentBytes(pids, config.samples);
    const rows: ServiceMemory[] = [];
    for (const [i, service] of services.entries()) rows.push({ service: service.name, readyRssBytes: ready[i], idleRssBytes: idle[i], idleHeapBytes: await heapUsedBytes(service.url) });
    if (config.loadSeconds > 0) {
      log(`setting up ${config.products} products and ${config.concurrency} buyers, then ${config.loadSeconds} s of checkouts at concurrency ${config.concurrency} ...`);
      const { load, services: loaded } = await memoryUnderLoad(marketplace, database, config);
      loaded.forEach((figures, i) => Object.assign(rows[i], { loadPeakRssBytes: figures.peakRssBytes, loadHeapBytes: figures.heapUsedBytes }));
      log(`load: ${load.placed} orders, ${load.confirmedPerSecond.toFixed(1)} confirmed/s, ${load.errors} errors, ${load.lost} lost`);
      if (load.errors > 0 || load.lost > 0) process.exitCode = 1;
    }
    log('');
    log(memoryReport(rows));
  } finally {
    await marketplace?.stop();
    await database.close();
  }
}

/** Each process's median resident set over `samples` readings a second apart. */
async function medianResidentBytes(pids: number[], samples: number): Promise<number[]> {
  const readings: number[][] = pids.map(() => []);
  for (let n = 0; n < samples; n++) {
    if (n > 0) await sleep(1000);
    for (const [i, pid] of pids.entries()) readings[i].push(await residentBytes(pid));
  }
  return readings.map((values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]);
}

main().catch(reportBenchFailure);
