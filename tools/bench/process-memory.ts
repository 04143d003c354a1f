import { readFile } from 'node:fs/promises';

/** A process's resident set (VmRSS) in bytes, from /proc/<pid>/status (Linux). */
export async function residentBytes(pid: number): Promise<number> {
  return vmRssBytes(await readFile(`/proc/${pid}/status`, 'utf8'));
}

/** The VmRSS line of a /proc/<pid>/status text, in bytes. */
export function vmRssBytes(status: string): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error('no VmRSS line in the process status (has the process exited?)');
  return Number(match[1]) * 1024;
}

/** V8's used heap as a service reports it on /metrics (prom-client's default metrics). */
export async function heapUsedBytes(serviceUrl: string): Promise<number> {
  const response = await fetch(`${serviceUrl}/metrics`, { signal: AbortSignal.timeout(5_000) });
  return heapUsedFromMetrics(await response.text());
}

export function heapUsedFromMetrics(metrics: string): number {
  const match = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\d+(?:\.\d+)?)/m.exec(metrics);
  if (!match) throw new Error('no nodejs_heap_size_used_bytes in the metrics');
  return Number(match[1]);
}
