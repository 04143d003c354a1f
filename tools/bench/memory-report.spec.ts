import { memoryReport } from './memory-report';

const MB = 2 ** 20;

describe('memoryReport', () => {
  it('prints the figures at ready and idle per service in MB with their total last', () => {
    const report = memoryReport([
      { service: 'gateway', readyRssBytes: 150 * MB, idleRssBytes: 100 * MB, idleHeapBytes: 40.25 * MB },
      { service: 'orders', readyRssBytes: 160 * MB, idleRssBytes: 110.5 * MB, idleHeapBytes: 45 * MB },
    ]).split('\n');
    expect(report[0]).toBe('| service | ready RSS MB | idle RSS MB | idle heap used MB |');
    expect(report[2]).toBe('| gateway |        150.0 |       100.0 |              40.3 |');
    expect(report[4]).toBe('| total   |        310.0 |       210.5 |              85.3 |');
  });

  it('adds the load columns when a load ran', () => {
    const report = memoryReport([{ service: 'orders', readyRssBytes: 120 * MB, idleRssBytes: 100 * MB, idleHeapBytes: 40 * MB, loadPeakRssBytes: 150 * MB, loadHeapBytes: 60 * MB }]).split('\n');
    expect(report[0]).toContain('| load peak RSS MB | load heap used MB |');
    expect(report[3]).toBe('| total   |        120.0 |       100.0 |              40.0 |            150.0 |              60.0 |');
  });
});
