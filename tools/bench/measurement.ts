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

/**
 * Runs each target once per round, the order rotating from round to round so that none always runs on a
 * warmer server, and keeps each target's best run (a shared machine only ever slows a run down). The
 * figures come back in the targets' order.
 */
export async function bestOfRounds<T>(targets: readonly T[], rounds: number, measure: (target: T) => Promise<Measurement>): Promise<Measurement[]> {
  const best = new Map<T, Measurement>();
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < targets.length; i++) {
      const target = targets[(i + round) % targets.length];
      const measured = await measure(target);
      if (measured.rate > (best.get(target)?.rate ?? 0)) best.set(target, measured);
    }
  }
  return targets.map((target) => best.get(target) as Measurement);
}
