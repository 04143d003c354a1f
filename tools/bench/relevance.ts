import { reportBenchFailure } from './bench-config';
import { machineReport } from './machine-report';
import { gradesFor } from './relevance/grades';
import { LABELLED_QUERIES } from './relevance/queries';
import { relevanceCatalog } from './relevance/relevance-catalog';
import { relevanceBenchConfig } from './relevance/relevance-config';
import { goalLines, latencyTable, scoreTable } from './relevance/relevance-report';
import { type ModeRun, RESULTS, runMode } from './relevance/relevance-run';
import { rankedIds, waitForEmbeddings } from './relevance/search-modes';
import { searchOverCatalog } from './relevance/searchable-catalog';

/**
 * `npm run bench:relevance`: how well search ranks, per mode (BENCH_RELEVANCE_MODES, default
 * text,semantic,hybrid). A generated catalog of 2,054 products is loaded into search as its own process;
 * each labelled query (relevance/queries.ts: grades from the generator, never from a search) is asked in
 * every mode with limit=20 and scored by nDCG@10 and recall@20, overall and per query class; then the
 * goals (hybrid at least 0.10 nDCG@10 above text, never below it on an exact title) and the latency.
 */
async function main(): Promise<void> {
  const config = relevanceBenchConfig();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  for (const line of await machineReport(config.databaseUrl)) log(line);
  const catalog = relevanceCatalog();
  const queries = LABELLED_QUERIES.map((query) => ({ query, grades: gradesFor(query, catalog.products) }));
  log(`relevance: ${catalog.products.length} products (${catalog.events.length} catalog events), ${queries.length} labelled queries, modes ${config.modes.join(', ')}`);
  const world = await searchOverCatalog(catalog);
  try {
    const vectorModes = config.modes.filter((mode) => mode !== 'text');
    // Asked once before any wait, so a mode search does not have yet stops the run at once, by name.
    for (const mode of vectorModes) await rankedIds(world.base, mode, queries[0].query.q, 1);
    if (vectorModes.length > 0) await waitForEmbeddings(world.base);
    const runs: ModeRun[] = [];
    for (const mode of config.modes) runs.push(await runMode(world.base, mode, queries, config.rounds));

    log('');
    log(`mean nDCG@10 (gains 2^grade - 1) and recall@20 (grade >= 2, against min(20, relevant)), limit=${RESULTS}`);
    log(scoreTable(runs));
    for (const line of goalLines(runs)) log(line);
    log('');
    log(`latency: every query ${config.rounds} times per mode after the scored pass, one search at a time over HTTP`);
    log(latencyTable(runs));
  } finally {
    await world.close();
  }
}

main().catch(reportBenchFailure);
