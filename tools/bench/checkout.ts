import { reportBenchFailure } from './bench-config';
import { machineReport } from './machine-report';
import { openBenchDatabase } from './bench-database';
import { type BenchMarketplace, startBenchMarketplace } from './bench-marketplace';
import { checkoutBenchConfig } from './checkout-bench-config';
import { checkoutHops } from './checkout-hops';
import { runLevel, type LevelResult } from './checkout-load';
import { setUpMarket } from './checkout-market';
import { OrderCompletions } from './order-completions';

/**
 * `npm run bench:checkout`: all seven services as processes on a fresh database and the bus (Kafka when
 * configured), payments on its simulated provider. Sellers list 500 products with stock, buyers sign
 * up, then checkouts go through the gateway at each concurrency: orders confirmed per second, latency
 * from POST /orders to the order's confirmation, errors and lost orders, and where the time went.
 * Not a test: it prints figures.
 */
async function main(): Promise<void> {
  const config = checkoutBenchConfig();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const database = await openBenchDatabase('bench_checkout');
  const { db } = database;
  let marketplace: BenchMarketplace | undefined;
  let completions: OrderCompletions | undefined;
  try {
    for (const line of await machineReport(database.url)) log(line);
    log(`bus: ${config.kafkaBrokers ? 'kafka' : 'embedded'}`);
    log('starting the seven services as processes ...');
    marketplace = await startBenchMarketplace('bench-checkout', database.url, config.kafkaBrokers);
    const { api, admin } = marketplace;
    const buyers = Math.max(...config.concurrencies);
    log(`setting up ${config.products} products from 5 sellers and ${buyers} buyers through the API ...`);
    const market = await setUpMarket(api, db, admin, config.products, buyers);
    completions = await OrderCompletions.follow(database.url);

    log(`warm-up: ${config.warmupSeconds} s at concurrency 10 ...`);
    await runLevel(api, market, completions, { concurrency: Math.min(10, buyers), seconds: config.warmupSeconds, lostAfterMs: config.lostAfterMs });
    const results: LevelResult[] = [];
    for (const concurrency of config.concurrencies) {
      log(`concurrency ${concurrency}: ${config.seconds} s ...`);
      const result = await runLevel(api, market, completions, { concurrency, seconds: config.seconds, lostAfterMs: config.lostAfterMs });
      results.push(result);
      for (const line of await checkoutHops(db, result.sentAt)) log(line);
    }
    log('');
    log(table(results));
    if (results.some((result) => result.errors > 0 || result.lost > 0)) process.exitCode = 1;
  } finally {
    await completions?.close();
    await marketplace?.stop();
    await database.close();
  }
}

function table(results: LevelResult[]): string {
  const header = ['concurrency', 'orders', 'confirmed/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'cancelled', 'errors', 'lost'];
  const rows = results.map((r) => [r.concurrency, r.placed, r.confirmedPerSecond.toFixed(1), r.p50Ms, r.p95Ms, r.p99Ms, r.maxMs, r.cancelled, r.errors, r.lost].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padStart(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

main().catch(reportBenchFailure);
