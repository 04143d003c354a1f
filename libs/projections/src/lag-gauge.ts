import { Gauge, type Registry } from 'prom-client';
import type { ProjectionStatus } from './projection-status';

export const LAG_METRIC = 'projection_lag_events';

/**
 * `projection_lag_events{projection}`: computed at scrape time from the stored checkpoints and the
 * log's head, so it is right even when the projection runs in another process.
 */
export function registerLagGauge(registry: Registry, statuses: () => Promise<ProjectionStatus[]>): Gauge<'projection'> {
  // One engine per process serves /metrics; a process that builds another (a test with several apps) reports the newest.
  registry.removeSingleMetric(LAG_METRIC);
  return new Gauge({
    name: LAG_METRIC,
    help: 'Events appended to the global log that the projection has not applied yet (head minus checkpoint, approximate)',
    labelNames: ['projection'],
    registers: [registry],
    async collect() {
      const current = await statuses();
      this.reset();
      for (const status of current) this.set({ projection: status.name }, status.lag);
    },
  });
}
