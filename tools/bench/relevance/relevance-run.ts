import { type LatencySummary, summarise, timed } from '../search-load';
import type { Grades } from './grades';
import { ndcgAt, recallAt } from './metrics';
import type { LabelledQuery } from './queries';
import type { SearchMode } from './relevance-config';
import { rankedIds } from './search-modes';

/** Results asked of search per query: what recall@20 looks at (nDCG@10 at the first 10). */
export const RESULTS = 20;

export interface GradedQuery {
  query: LabelledQuery;
  grades: Grades;
}

export interface QueryScore {
  query: LabelledQuery;
  ndcg10: number;
  recall20: number;
}

export interface ModeRun {
  mode: SearchMode;
  scores: QueryScore[];
  /** One search at a time over HTTP, every query `rounds` times after the scored pass. */
  latency: LatencySummary;
}

/** Scores every query from one pass (which also warms search up), then times `rounds` more. */
export async function runMode(base: string, mode: SearchMode, queries: readonly GradedQuery[], rounds: number): Promise<ModeRun> {
  const scores: QueryScore[] = [];
  for (const { query, grades } of queries) {
    const ids = await rankedIds(base, mode, query.q, RESULTS);
    scores.push({ query, ndcg10: ndcgAt(10, ids, grades), recall20: recallAt(RESULTS, ids, grades) });
  }
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const { query } of queries) samples.push((await timed(() => rankedIds(base, mode, query.q, RESULTS))).ms);
  }
  return { mode, scores, latency: summarise(samples) };
}
