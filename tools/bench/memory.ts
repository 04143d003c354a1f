import { setTimeout as sleep } from 'node:timers/promises';
import { reportBenchFailure } from './bench-config';
import { openBenchDatabase } from './bench-database';
import { type BenchMarketplace, startBenchMarketplace } from './bench-marketplace';
import { machineReport } from './machine-report';
import { memoryBenchConfig } from './memory-bench-config';
import { type MemoryFloor, startMemoryFloor } from './memory-floor';
import { memoryReport, type ServiceMemory } from './memory-report';
import { memoryUnderLoad } from './memory-under-load';
import { residentBytes, residentMemory, runtimeFigures } from './process-memory';

/**
 * `npm run bench:memory`: the seven services as processes on a fresh database and the bus (Kafka when
 * configured), beside two floors with the same Node options (bare `node`, and a Nest app on Fastify with
 * pg and pino: memory-floor.ts). Each one's resident set (VmRSS) as soon as all are ready, then, once
 * they have settled, again (the median of a few samples a second apart) with its anonymous part and the
 * V8 heap used; then checkouts through the gateway, sampling every service's resident set for its peak,
 * with the CPU and GC time each took. Not a test: it prints figures.
 */
async function main(): Promise<void> {
  const config = memoryBenchConfig();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const database = await openBenchDatabase('bench_memory');
  let floor: MemoryFloor | undefined;
  let marketplace: BenchMarketplace | undefined;
  try {
    for (const line of await machineReport(database.url)) log(line);
    log(`bus: ${config.kafkaBrokers ? 'kafka' : 'embedded'}; starting the floors and the seven services as processes ...`);
    floor = await startMemoryFloor(database.url);
    marketplace = await startBenchMarketplace('bench-memory', database.url, config.kafkaBrokers);
    const { services } = marketplace;
    const measured = [...services, ...floor.processes];
    const ready = await Promise.all(measured.map(({ pid }) => residentBytes(pid)));
    log(`all ready; idle for ${config.settleSeconds} s, then ${config.samples} samples a second apart ...`);
    await sleep(config.settleSeconds * 1000);
    const idle = await medianResidentMemory(measured.map(({ pid }) => pid), config.samples);
    const rows: ServiceMemory[] = measured.map(({ name }, i) => ({ service: name, readyRssBytes: ready[i], idleRssBytes: idle[i].rssBytes, idleAnonBytes: idle[i].anonBytes }));
    for (const [i, service] of services.entries()) rows[i].idleHeapBytes = (await runtimeFigures(service.url)).heapUsedBytes;
    if (config.loadSeconds > 0) {
      log(`setting up ${config.products} products and ${config.concurrency} buyers, then ${config.loadSeconds} s of checkouts at concurrency ${config.concurrency} ...`);
      const { load, services: loaded } = await memoryUnderLoad(marketplace, database, config);
      loaded.forEach((figures, i) =>
        Object.assign(rows[i], { loadPeakRssBytes: figures.peakRssBytes, loadHeapBytes: figures.heapUsedBytes, loadCpuSeconds: figures.cpuSeconds, loadGcSeconds: figures.gcSeconds }),
      );
      const cpuMsPerOrder = (loaded.reduce((sum, figures) => sum + figures.cpuSeconds, 0) * 1000) / load.confirmed;
      log(`load: ${load.placed} orders, ${load.confirmedPerSecond.toFixed(1)} confirmed/s, ${cpuMsPerOrder.toFixed(1)} ms of the services' CPU per confirmed order, ${load.errors} errors, ${load.lost} lost`);
      if (load.errors > 0 || load.lost > 0) process.exitCode = 1;
    }
    log('');
    log(memoryReport(rows.slice(0, services.length), rows.slice(services.length)));
  } finally {
    await marketplace?.stop();
    floor?.stop();
    await database.close();
  }
}

/** Each process's median reading (by resident set) over `samples` readings a second apart. */
async function medianResidentMemory(pids: number[], samples: number): Promise<{ rssBytes: number; anonBytes: number }[]> {
  const readings: { rssBytes: number; anonBytes: number }[][] = pids.map(() => []);
  for (let n = 0; n < samples; n++) {
    if (n > 0) await sleep(1000);
    for (const [i, pid] of pids.entries()) readings[i].push(await residentMemory(pid));
  }
  return readings.map((values) => values.sort((a, b) => a.rssBytes - b.rssBytes)[Math.floor(values.length / 2)]);
}

main().catch(reportBenchFailure);
