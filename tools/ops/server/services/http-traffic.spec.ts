import { trafficBetween, trafficSample } from './http-traffic';

const H = 'http_server_request_duration_seconds';
/** A scrape as prom-client writes it: one series per method, route and status, cumulative buckets. */
function exposition(series: { route: string; status: string; buckets: [string, number][] }[], startedAt = 1000): string {
  const lines = ['# HELP process_start_time_seconds Start time', `process_start_time_seconds{service="orders"} ${startedAt}`];
  for (const { route, status, buckets } of series) {
    const labels = `service="orders",method="GET",route="${route}",status="${status}"`;
    for (const [le, count] of buckets) lines.push(`${H}_bucket{le="${le}",${labels}} ${count}`);
    lines.push(`${H}_sum{${labels}} 1.5`, `${H}_count{${labels}} ${buckets.at(-1)?.[1]}`);
  }
  return lines.join('\n');
}

describe('HTTP traffic from the platform histogram', () => {
  const first = trafficSample(
    exposition([
      { route: '/orders', status: '200', buckets: [['0.1', 90], ['0.5', 99], ['+Inf', 100]] },
      { route: '/orders', status: '503', buckets: [['0.1', 0], ['0.5', 0], ['+Inf', 0]] },
      { route: '/ready', status: '200', buckets: [['0.1', 500], ['0.5', 500], ['+Inf', 500]] },
    ]),
    1_010_000,
  );

  it('sums the routes but the probes, and reads the start time', () => {
    expect(first).toEqual({ at: 1_010_000, startedAt: 1_000_000, requests: 100, errors: 0, buckets: [[0.1, 90], [0.5, 99], [Infinity, 100]] });
  });

  it('without a previous scrape, covers the life of the process', () => {
    expect(trafficBetween(undefined, first)).toEqual({ requestsPerSecond: 10, errorRate: 0, p99Ms: 500 });
  });

  it('between two scrapes: rate, 5xx share, and the 99th percentile interpolated in its bucket', () => {
    const second = trafficSample(
      exposition([
        { route: '/orders', status: '200', buckets: [['0.1', 190], ['0.5', 199], ['+Inf', 200]] },
        { route: '/orders', status: '503', buckets: [['0.1', 0], ['0.5', 100], ['+Inf', 100]] },
      ]),
      1_030_000,
    );
    // 200 requests in 20 s, 100 of them 503; rank 198 falls in (0.1, 0.5], which holds requests 101 to 200: 0.1 + 0.4 * 98/100 s.
    expect(trafficBetween(first, second)).toEqual({ requestsPerSecond: 10, errorRate: 0.5, p99Ms: 492 });
  });

  it('has no error rate or percentile without requests, and starts over after a restart', () => {
    expect(trafficBetween(first, { ...first, at: first.at + 5000 })).toEqual({ requestsPerSecond: 0, errorRate: null, p99Ms: null });
    const restarted = trafficSample(exposition([{ route: '/orders', status: '200', buckets: [['0.1', 10], ['0.5', 10], ['+Inf', 10]] }], 2000), 2_005_000);
    expect(trafficBetween(first, restarted)).toEqual({ requestsPerSecond: 2, errorRate: 0, p99Ms: 99 });
  });

  it('gives the top finite bound when the percentile is beyond it, and nothing when the service exports no start time', () => {
    const slow = trafficSample(exposition([{ route: '/x', status: '200', buckets: [['0.1', 0], ['0.5', 0], ['+Inf', 4]] }]), 1_004_000);
    expect(trafficBetween(undefined, slow).p99Ms).toBe(500);
    expect(trafficBetween(undefined, { ...slow, startedAt: undefined })).toEqual({ requestsPerSecond: null, errorRate: null, p99Ms: null });
  });
});
