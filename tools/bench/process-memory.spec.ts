import { residentBytes, residentMemory, runtimeFiguresFromMetrics, vmRssBytes } from './process-memory';

describe('process memory readings', () => {
  it('reads VmRSS from a process status, in bytes', () => {
    const status = 'Name:\tnode\nVmHWM:\t  210000 kB\nVmRSS:\t  104512 kB\nRssAnon:\t   50000 kB\n';
    expect(vmRssBytes(status)).toBe(104_512 * 1024);
  });

  it('names the missing line of a process that has exited', () => {
    expect(() => vmRssBytes('Name:\tnode\nState:\tZ (zombie)\n')).toThrow(/no VmRSS line/);
  });

  it("reads this process's own /proc status, the anonymous part within the resident set", async () => {
    expect(await residentBytes(process.pid)).toBeGreaterThan(0);
    const { rssBytes, anonBytes } = await residentMemory(process.pid);
    expect(anonBytes).toBeGreaterThan(0);
    expect(anonBytes).toBeLessThanOrEqual(rssBytes);
  });

  it("reads the used heap, CPU time and GC time (every kind summed) from a service's Prometheus metrics, labelled or not", () => {
    const metrics = [
      '# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.',
      'process_cpu_seconds_total{service="orders"} 12.5',
      'nodejs_heap_size_total_bytes{service="orders"} 52441088',
      'nodejs_heap_size_used_bytes{service="orders"} 41943040',
      'nodejs_gc_duration_seconds_bucket{le="0.001",kind="minor",service="orders"} 180',
      'nodejs_gc_duration_seconds_sum{kind="minor",service="orders"} 0.25',
      'nodejs_gc_duration_seconds_count{kind="minor",service="orders"} 200',
      'nodejs_gc_duration_seconds_sum{kind="major",service="orders"} 0.5',
      'nodejs_gc_duration_seconds_sum{kind="incremental",service="orders"} 1.5e-3',
    ].join('\n');
    expect(runtimeFiguresFromMetrics(metrics)).toEqual({ heapUsedBytes: 41_943_040, cpuSeconds: 12.5, gcSeconds: 0.7515 });
    // Before its first collection a service has no GC line at all.
    expect(runtimeFiguresFromMetrics('nodejs_heap_size_used_bytes 1024.5\nprocess_cpu_seconds_total 1\n')).toEqual({ heapUsedBytes: 1024.5, cpuSeconds: 1, gcSeconds: 0 });
    expect(() => runtimeFiguresFromMetrics('up 1\n')).toThrow(/no nodejs_heap_size_used_bytes/);
  });
});
