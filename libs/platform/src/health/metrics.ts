import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * The process's one Prometheus registry: /metrics serves it, and other modules (projection lag,
 * consumer counters) add their metrics to it.
 */
export const metricsRegistry = new Registry();

let defaultsCollected = false;

/** Default process metrics, labelled with the service; idempotent, as tests build several apps per process. */
export function collectProcessMetrics(service: string): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  metricsRegistry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: metricsRegistry });
}

export const httpRequestDuration = new Histogram({
  name: 'http_server_request_duration_seconds',
  help: 'Duration of HTTP requests served, by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});
