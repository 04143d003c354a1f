import type { LoadResult } from './gateway-load';

export interface TargetResult extends LoadResult {
  target: string;
}

/** One concurrency: the same load sent directly to the service, through the gateway, and (if measured) through a bare proxy. */
export interface LevelResult {
  concurrency: number;
  direct: TargetResult;
  viaGateway: TargetResult;
  /** The same load through a bare `node:http` proxy on an undici pool: what the hop alone adds. */
  viaBareProxy?: TargetResult;
}

/** What the gateway is held to (apps/gateway/README.md, Benchmarks). */
export const GATEWAY_TARGETS = {
  /** At this many connections, the gateway's req/s is at least this share of the service's own. */
  throughput: { concurrency: 32, minRatio: 0.7 },
  /** At this many connections, the gateway adds at most this much to the median latency. */
  latency: { concurrency: 1, maxAddedP50Ms: 0.3 },
};

const HEADERS = ['connections', 'target', 'requests', 'errors', 'req/s', 'p50 ms', 'p99 ms'];

/**
 * The runs as a plain-text table, then per concurrency the gateway's overhead (its req/s as a share of
 * the direct req/s, and what it adds to p50 and p99), the bare proxy's (the hop alone) and what the
 * gateway adds beyond it, then the targets that were measured, met or not.
 */
export function gatewayReport(levels: LevelResult[]): string {
  const rows = levels.flatMap(({ concurrency, direct, viaGateway, viaBareProxy }) =>
    [direct, ...(viaBareProxy ? [viaBareProxy] : []), viaGateway].map((r) => [
      String(concurrency),
      r.target,
      whole(r.requests),
      whole(r.errors),
      whole(r.requestsPerSecond),
      r.p50Ms.toFixed(2),
      r.p99Ms.toFixed(2),
    ]),
  );
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (row: string[]) => '| ' + row.map((cell, i) => (i === 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ') + ' |';
  const table = [line(HEADERS), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)];
  const connections = (n: number) => `${n} connection${n === 1 ? '' : 's'}`;
  const labelWidth = Math.max(...levels.map((level) => connections(level.concurrency).length));
  const overheads = levels.flatMap(({ concurrency, direct, viaGateway, viaBareProxy }) => {
    const label = connections(concurrency).padStart(labelWidth);
    const adds = (via: LoadResult) => `${ratio(direct, via).toFixed(2)}x the direct req/s, adds p50 ${signed(via.p50Ms - direct.p50Ms)} ms, p99 ${signed(via.p99Ms - direct.p99Ms)} ms`;
    const lines = [`${label}: gateway at ${adds(viaGateway)}`];
    if (viaBareProxy) {
      lines.push(
        `${label}: bare proxy at ${adds(viaBareProxy)} (the hop itself); ` +
          `the gateway's own part: p50 ${signed(viaGateway.p50Ms - viaBareProxy.p50Ms)} ms, ${ratio(viaBareProxy, viaGateway).toFixed(2)}x the bare proxy's req/s`,
      );
    }
    return lines;
  });
  return [...table, ...overheads, ...targetLines(levels)].join('\n');
}

function targetLines(levels: LevelResult[]): string[] {
  const lines: string[] = [];
  const { throughput, latency } = GATEWAY_TARGETS;
  const atThroughput = levels.find((level) => level.concurrency === throughput.concurrency);
  if (atThroughput) {
    const measured = ratio(atThroughput.direct, atThroughput.viaGateway);
    lines.push(`target: at ${throughput.concurrency} connections >= ${throughput.minRatio.toFixed(2)}x the direct req/s: ${measured.toFixed(2)}x, ${measured >= throughput.minRatio ? 'met' : 'NOT met'}`);
  }
  const atLatency = levels.find((level) => level.concurrency === latency.concurrency);
  if (atLatency) {
    const added = atLatency.viaGateway.p50Ms - atLatency.direct.p50Ms;
    const bound = atLatency.viaBareProxy ? ` (a bare proxy adds ${signed(atLatency.viaBareProxy.p50Ms - atLatency.direct.p50Ms)} ms)` : '';
    lines.push(
      `target: at ${latency.concurrency} connection${latency.concurrency === 1 ? '' : 's'} adds <= ${latency.maxAddedP50Ms.toFixed(2)} ms to p50: ${signed(added)} ms, ${added <= latency.maxAddedP50Ms ? 'met' : 'NOT met'}${bound}`,
    );
  }
  return lines;
}

function ratio(direct: LoadResult, viaGateway: LoadResult): number {
  return direct.requestsPerSecond > 0 ? viaGateway.requestsPerSecond / direct.requestsPerSecond : 0;
}

function signed(ms: number): string {
  return `${ms < 0 ? '-' : '+'}${Math.abs(ms).toFixed(2)}`;
}

function whole(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
