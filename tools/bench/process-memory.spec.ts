import { heapUsedFromMetrics, residentBytes, vmRssBytes } from './process-memory';

describe('process memory readings', () => {
  it('reads VmRSS from a process status, in bytes', () => {
    const status = 'Name:\tnode\nVmHWM:\t  210000 kB\nVmRSS:\t  104512 kB\nRssAnon:\t   50000 kB\n';
    expect(vmRssBytes(status)).toBe(104_512 * 1024);
  });

  it('names the missing line of a process that has exited', () => {
    expect(() => vmRssBytes('Name:\tnode\nState:\tZ (zombie)\n')).toThrow(/no VmRSS line/);
  });

  it("reads this process's own /proc status", async () => {
    expect(await residentBytes(process.pid)).toBeGreaterThan(0);
  });

  it("reads the used heap from a service's Prometheus metrics, labelled or not", () => {
    const metrics = [
      '# HELP nodejs_heap_size_total_bytes Process heap size from Node.js in bytes.',
      'nodejs_heap_size_total_bytes{service="orders"} 52441088',
      'nodejs_heap_size_used_bytes{service="orders"} 41943040',
    ].join('\n');
    expect(heapUsedFromMetrics(metrics)).toBe(41_943_040);
    expect(heapUsedFromMetrics('nodejs_heap_size_used_bytes 1024.5\n')).toBe(1024.5);
    expect(() => heapUsedFromMetrics('up 1\n')).toThrow(/no nodejs_heap_size_used_bytes/);
  });
});
