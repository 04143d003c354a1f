import { waitFor } from '@marketplace/testing';
import type { SearchResponse } from '../search-load';
import type { SearchMode } from './relevance-config';

/**
 * The ids search ranks first for `q` in `mode`, always named: without it search picks hybrid when it
 * has a model, so text figures would not be text. A 400 names the mode: search refuses one it lacks
 * (a search without the `mode` parameter refuses text too).
 */
export async function rankedIds(base: string, mode: SearchMode, q: string, limit: number): Promise<string[]> {
  const params = new URLSearchParams({ q, mode, limit: String(limit) });
  const response = await fetch(`${base}/search?${params}`);
  if (response.status === 400) throw new Error(`search refused mode ${mode} (400: not implemented, or no model) for GET /search?${params}: ${await response.text()}`);
  if (response.status !== 200) throw new Error(`mode ${mode}: GET /search?${params} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as SearchResponse).items.map((item) => item.id);
}

/** The readiness check where search tells how far its embeddings are. */
const VECTORS_CHECK = 'vectors';

/**
 * Whether every published product has its vector, from search's `/ready`. This assumes its `vectors`
 * check passes with a description ending in "<embedded> of <published> published products embedded"
 * (apps/search's describe-vectors.ts); 200 without that wording is an error, so a changed wording
 * stops the run instead of waiting on it.
 */
export async function embeddingsCaughtUp(base: string): Promise<boolean> {
  const response = await fetch(`${base}/ready`);
  if (response.status !== 200) return false;
  const description = ((await response.json()) as { checks: Record<string, string> }).checks[VECTORS_CHECK] ?? '(no such check)';
  const counts = /(\d+) of (\d+) published products embedded/.exec(description);
  if (!counts) throw new UnknownEmbeddingsState(`search's /ready "${VECTORS_CHECK}" check says "${description}", not how many products are embedded`);
  return Number(counts[1]) === Number(counts[2]);
}

class UnknownEmbeddingsState extends Error {}

/** Until embeddingsCaughtUp; an answer it cannot read fails at once. */
export async function waitForEmbeddings(base: string): Promise<void> {
  let unreadable: UnknownEmbeddingsState | undefined;
  await waitFor(
    async () => {
      try {
        return await embeddingsCaughtUp(base);
      } catch (error) {
        if (!(error instanceof UnknownEmbeddingsState)) throw error;
        unreadable = error;
        return true;
      }
    },
    { timeoutMs: 30 * 60_000, intervalMs: 500, description: `search's /ready to report every product embedded` },
  );
  if (unreadable) throw unreadable;
}
