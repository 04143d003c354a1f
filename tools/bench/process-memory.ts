import { readFile } from 'node:fs/promises';
import { prometheusSamples } from '../metrics/prometheus-text';

/** A process's resident set (VmRSS) in bytes, from /proc/<pid>/status (Linux). */
export async function residentBytes(pid: number): Promise<number> {
  return vmRssBytes(await readFile(`/proc/${pid}/status`, 'utf8'));
}

/**
 * A process's resident set and the part of it that is anonymous memory (RssAnon: V8's heap, native
 * allocations, stacks), in bytes. The rest is file pages, mostly the `node` binary's, which every node
 * process on the machine shares in the page cache.
 */
export async function residentMemory(pid: number): Promise<{ rssBytes: number; anonBytes: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return { rssBytes: vmRssBytes(status), anonBytes: statusKilobytes(status, 'RssAnon') * 1024 };
}

/** The VmRSS line of a /proc/<pid>/status text, in bytes. */
export function vmRssBytes(status: string): number {
  return statusKilobytes(status, 'VmRSS') * 1024;
}

function statusKilobytes(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  if (!match) throw new Error(`no ${field} line in the process status (has the process exited?)`);
  return Number(match[1]);
}

/** What a service's /metrics (prom-client's default metrics) says of its runtime. */
export interface RuntimeFigures {
  heapUsedBytes: number;
  /** CPU time since the process started, user and system. */
  cpuSeconds: number;
  /** Time paused in garbage collection since the metrics began, every kind (scavenges, mark-compact, incremental steps): wall time, as Node reports it. */
  gcSeconds: number;
}

export async function runtimeFigures(serviceUrl: string): Promise<RuntimeFigures> {
  const response = await fetch(`${serviceUrl}/metrics`, { signal: AbortSignal.timeout(5_000) });
  return runtimeFiguresFromMetrics(await response.text());
}

export function runtimeFiguresFromMetrics(metrics: string): RuntimeFigures {
  const [heapUsedBytes] = samples(metrics, 'nodejs_heap_size_used_bytes', { required: true });
  const [cpuSeconds] = samples(metrics, 'process_cpu_seconds_total', { required: true });
  // No line for a kind of collection before the first one (a service may not have collected since its metrics began).
  const gcSeconds = samples(metrics, 'nodejs_gc_duration_seconds_sum', { required: false }).reduce((sum, value) => sum + value, 0);
  return { heapUsedBytes, cpuSeconds, gcSeconds };
}

/** The values of a metric's samples, whatever their labels. */
function samples(metrics: string, name: string, { required }: { required: boolean }): number[] {
  const values = prometheusSamples(metrics)
    .filter((sample) => sample.name === name)
    .map((sample) => sample.value);
  if (required && values.length === 0) throw new Error(`no ${name} in the metrics`);
  return values;
}
