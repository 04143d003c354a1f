import { percentile } from './measurement';

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function summarise(samplesMs: number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? 0,
  };
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export interface SearchResponse {
  items: { id: string; title: string }[];
  facets: { priceBands: { count: number }[] };
  nextCursor: string | null;
}

/** GET {base}/search?{params}; any status but 200 fails the run. */
export async function searchOnce(base: string, params: string): Promise<SearchResponse> {
  const response = await fetch(`${base}/search?${params}`);
  if (response.status !== 200) throw new Error(`GET /search?${params} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as SearchResponse;
}

/** Products matching, from the price facet (every product with a price falls in exactly one band). */
export function totalOf(response: SearchResponse): number {
  return response.facets.priceBands.reduce((sum, band) => sum + band.count, 0);
}
