/** One line of the results table. */
export interface Measurement {
  name: string;
  /** Operations per second, in the unit named by `unit` (appends, events). */
  rate: number;
  unit: string;
  /** Events per second, where an operation carries several. */
  eventsPerSecond: number;
  count: number;
  seconds: number;
  /** Latency percentiles of single operations, in milliseconds, where measured. */
  p50Ms?: number;
  p99Ms?: number;
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))];
}

export function elapsedSeconds(startNs: bigint): number {
  return Number(process.hrtime.bigint() - startNs) / 1e9;
}
