import { BenchConfigError, benchDatabaseUrl, positive } from '../bench-config';

export const SEARCH_MODES = ['text', 'semantic', 'hybrid'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

/** What `npm run bench:relevance` runs; each can be changed from the environment. */
export interface RelevanceBenchConfig {
  databaseUrl: string;
  /** Ranking modes compared, in this order (BENCH_RELEVANCE_MODES, default text,semantic,hybrid). */
  modes: SearchMode[];
  /** Timed passes over every query per mode, after the scored one (BENCH_RELEVANCE_ROUNDS, default 5). */
  rounds: number;
}

export function relevanceBenchConfig(env: NodeJS.ProcessEnv = process.env): RelevanceBenchConfig {
  return {
    databaseUrl: benchDatabaseUrl(env, 'the relevance benchmark'),
    modes: modes(env.BENCH_RELEVANCE_MODES),
    rounds: positive(env, 'BENCH_RELEVANCE_ROUNDS', 5),
  };
}

function modes(raw: string | undefined): SearchMode[] {
  if (raw === undefined || raw.trim() === '') return [...SEARCH_MODES];
  const named = [...new Set(raw.split(',').map((mode) => mode.trim()))];
  const unknown = named.filter((mode) => !(SEARCH_MODES as readonly string[]).includes(mode));
  if (unknown.length > 0) throw new BenchConfigError(`BENCH_RELEVANCE_MODES names no mode: ${unknown.join(', ')} (known: ${SEARCH_MODES.join(', ')})`);
  return named as SearchMode[];
}
