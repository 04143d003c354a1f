import { prometheusSamples } from '../../../metrics/prometheus-text';

/** The platform's HTTP duration histogram (libs/platform's metrics), summed over every route but the probes. */
export interface TrafficSample {
  /** When it was scraped (ms since the epoch). */
  at: number;
  /** When the process started (ms), from `process_start_time_seconds`; undefined when not exported. */
  startedAt?: number;
  requests: number;
  /** Requests answered 5xx. */
  errors: number;
  /** Cumulative bucket counts by upper bound in seconds, ascending, `+Inf` last. */
  buckets: [le: number, count: number][];
}

export interface Traffic {
  requestsPerSecond: number | null;
  /** Share of requests answered 5xx, 0..1; null without requests. */
  errorRate: number | null;
  /** 99th percentile of request durations in ms, interpolated within its bucket; null without requests. */
  p99Ms: number | null;
}

const HISTOGRAM = 'http_server_request_duration_seconds';
/** Probes and scrapes (this server's own among them) are not the service's traffic. */
const PROBE_ROUTES = new Set(['/health', '/ready', '/metrics']);

/** Reads the histogram and the start time from a Prometheus text exposition. */
export function trafficSample(text: string, at: number): TrafficSample {
  const sample: TrafficSample = { at, requests: 0, errors: 0, buckets: [] };
  const buckets = new Map<number, number>();
  for (const { name, labels, value } of prometheusSamples(text)) {
    if (name === 'process_start_time_seconds') sample.startedAt = value * 1000;
    if (!name.startsWith(HISTOGRAM)) continue;
    if (PROBE_ROUTES.has(labels.route)) continue;
    if (name === `${HISTOGRAM}_count`) {
      sample.requests += value;
      if (labels.status?.startsWith('5')) sample.errors += value;
    } else if (name === `${HISTOGRAM}_bucket`) {
      const le = labels.le === '+Inf' ? Infinity : Number(labels.le);
      buckets.set(le, (buckets.get(le) ?? 0) + value);
    }
  }
  sample.buckets = [...buckets.entries()].sort(([a], [b]) => a - b);
  return sample;
}

/**
 * Traffic between two samples of one process; without a previous sample (or after a restart, when the
 * counters went back), since the process started.
 */
export function trafficBetween(previous: TrafficSample | undefined, current: TrafficSample): Traffic {
  const restarted = previous !== undefined && current.requests < previous.requests;
  const base = previous && !restarted ? previous : current.startedAt !== undefined ? { at: current.startedAt, requests: 0, errors: 0, buckets: [] } : undefined;
  if (!base) return { requestsPerSecond: null, errorRate: null, p99Ms: null };
  const requests = current.requests - base.requests;
  const seconds = (current.at - base.at) / 1000;
  const baseCount = new Map(base.buckets);
  const buckets = current.buckets.map(([le, count]): [number, number] => [le, count - (baseCount.get(le) ?? 0)]);
  return {
    requestsPerSecond: seconds > 0 ? round(requests / seconds, 3) : null,
    errorRate: requests > 0 ? round((current.errors - base.errors) / requests, 4) : null,
    p99Ms: requests > 0 ? round(quantile(0.99, buckets) * 1000, 1) : null,
  };
}

/** As Prometheus' histogram_quantile: linear within the bucket holding the rank; the top finite bound when it falls in +Inf. */
function quantile(q: number, buckets: [number, number][]): number {
  const total = buckets.at(-1)?.[1] ?? 0;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const [le, count] of buckets) {
    if (count >= rank) {
      if (le === Infinity) return lower;
      return count === below ? le : lower + ((le - lower) * (rank - below)) / (count - below);
    }
    lower = le;
    below = count;
  }
  return lower;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
