import type { LoadResult } from './gateway-load';

export interface TargetResult extends LoadResult {
  target: string;
}

const HEADERS = ['target', 'requests', 'errors', 'req/s', 'p50 ms', 'p99 ms'];

/** The runs as a plain-text table, then the gateway's overhead: the difference of the two medians and p99s. */
export function gatewayReport(direct: TargetResult, viaGateway: TargetResult): string {
  const rows = [direct, viaGateway].map((r) => [r.target, whole(r.requests), whole(r.errors), whole(r.requestsPerSecond), r.p50Ms.toFixed(2), r.p99Ms.toFixed(2)]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (row: string[]) => '| ' + row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ') + ' |';
  const table = [line(HEADERS), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n');
  const throughput = direct.requestsPerSecond > 0 ? (100 * (1 - viaGateway.requestsPerSecond / direct.requestsPerSecond)).toFixed(1) : 'n/a';
  const overhead =
    `gateway overhead: p50 +${(viaGateway.p50Ms - direct.p50Ms).toFixed(2)} ms, p99 +${(viaGateway.p99Ms - direct.p99Ms).toFixed(2)} ms, ` +
    `throughput ${throughput}% lower`;
  return `${table}\n${overhead}`;
}

function whole(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
