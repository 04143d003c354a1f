import { join } from 'node:path';
import type { Measurement } from './measurement';

/**
 * What tools/bench/projection-rebuild.ts (written with libs/projections) is expected to export: a rebuild
 * of a projection from position 0 over the event store in `eventStoreSchema`, which already holds
 * `events` events, reporting how many it went through and how long it took.
 */
export interface ProjectionRebuildBench {
  benchProjectionRebuild(options: { databaseUrl: string; eventStoreSchema: string; events: number }): Promise<{ events: number; seconds: number }>;
}

/** Runs the projection rebuild benchmark when its module exists; undefined (and the reason) when it does not. */
export async function runProjectionRebuildBench(
  options: { databaseUrl: string; eventStoreSchema: string; events: number },
): Promise<Measurement | { skipped: string }> {
  const bench = await loadProjectionRebuildBench();
  if (!bench) return { skipped: 'tools/bench/projection-rebuild.ts does not exist yet' };
  const { events, seconds } = await bench.benchProjectionRebuild(options);
  return { name: 'projection rebuild (shadow tables + swap)', rate: events / seconds, unit: 'events/s', eventsPerSecond: events / seconds, count: events, seconds };
}

async function loadProjectionRebuildBench(): Promise<ProjectionRebuildBench | undefined> {
  // Resolved at run time so that this benchmark builds and runs before that module is written.
  const path = join(__dirname, 'projection-rebuild');
  try {
    require.resolve(path);
  } catch {
    return undefined;
  }
  return (await import(path)) as ProjectionRebuildBench;
}
