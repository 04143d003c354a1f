import { createTestDatabase } from '@marketplace/testing';
import { benchAppends } from './append-bench';
import { benchConfig, reportBenchFailure } from './bench-config';
import { benchCatchUp, benchRawKeysetRead } from './catch-up-bench';
import { benchRawInserts } from './raw-insert-bench';
import { benchEmmettAppends } from './emmett-append-bench';
import type { AppendWorkload } from './append-workload';
import { bestOfRounds, type Measurement } from './measurement';
import { benchProjectionRebuild } from './projection-rebuild';
import { reportTable } from './report-table';
import { LOG_SCHEMA, seedLog } from './seed-log';
import { machineReport } from './machine-report';

/**
 * `npm run bench:eventstore`: the PostgreSQL event store's append throughput side by side with raw
 * INSERTs of the same rows and with Emmett's PostgreSQL event store, its catch-up read throughput, and the projection rebuild over the same log,
 * in a fresh database on the server named by TEST_DATABASE_URL / DATABASE_URL, dropped afterwards. Not
 * a test: it prints figures.
 */
type AppendBench = (databaseUrl: string, workload: AppendWorkload) => Promise<Measurement>;
/** Ours first: the ratios are read against it. */
const TARGETS: AppendBench[] = [benchAppends, benchRawInserts, benchEmmettAppends];

async function main(): Promise<void> {
  const config = benchConfig();
  const database = await createTestDatabase('bench_eventstore');
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const rows: Measurement[] = [];
  try {
    for (const line of await machineReport(database.url)) log(line);
    log(`event store benchmark: ${config.streams} streams, ${config.appends} appends per run, log of ${config.logEvents} events`);
    let runs = 0;
    for (const batchSize of config.batchSizes) {
      for (const concurrency of config.concurrencies) {
        const workload = { streams: config.streams, appends: config.appends, batchSize, concurrency };
        // Side by side on the same server and pool size.
        const [ours, raw, emmett] = await bestOfRounds(TARGETS, config.rounds, (target) =>
          target(database.url, { ...workload, label: `b${batchSize}_c${concurrency}_r${(runs += 1)}` }),
        );
        for (const row of [ours, raw, emmett]) log(`  ${row.name}: ${Math.round(row.rate)} ${row.unit}`);
        log(`  event store: ${(ours.rate / raw.rate).toFixed(2)}x raw INSERTs, ${(ours.rate / emmett.rate).toFixed(2)}x Emmett (best of ${config.rounds})`);
        rows.push(ours, raw, emmett);
      }
    }

    const seedSeconds = await seedLog(database.url, config.logEvents, config.streams);
    log(`  seeded ${config.logEvents} events in ${seedSeconds.toFixed(1)} s (set-up, not measured)`);
    const [catchUp, keyset] = await bestOfRounds([benchCatchUp, benchRawKeysetRead], config.rounds, (read) =>
      read(database.url, config.logEvents, config.readBatch),
    );
    for (const row of [catchUp, keyset]) log(`  ${row.name}: ${Math.round(row.rate)} ${row.unit}`);
    log(`  catch-up: ${(catchUp.rate / keyset.rate).toFixed(2)}x the raw keyset SELECT`);
    rows.push(catchUp, keyset);

    const rebuild = await benchProjectionRebuild({ databaseUrl: database.url, eventStoreSchema: LOG_SCHEMA, events: config.logEvents });
    rows.push({
      name: `projection rebuild (batch ${rebuild.batchSize})`,
      rate: rebuild.eventsPerSecond,
      unit: 'events/s',
      eventsPerSecond: rebuild.eventsPerSecond,
      count: rebuild.events,
      seconds: rebuild.seconds,
    });
    log(`  ${rows[rows.length - 1].name}: ${Math.round(rebuild.eventsPerSecond)} events/s (${rebuild.rows} order summaries)`);

    log('');
    log(reportTable(rows));
  } finally {
    await database.drop();
  }
}

main().catch(reportBenchFailure);
