import { memoryReport } from './memory-report';

const MB = 2 ** 20;

describe('memoryReport', () => {
  it('prints the figures at ready and idle per service in MB with their total last', () => {
    const report = memoryReport([
      { service: 'gateway', readyRssBytes: 150 * MB, idleRssBytes: 100 * MB, idleAnonBytes: 45 * MB, idleHeapBytes: 40.25 * MB },
      { service: 'orders', readyRssBytes: 160 * MB, idleRssBytes: 110.5 * MB, idleAnonBytes: 55 * MB, idleHeapBytes: 45 * MB },
    ]).split('\n');
    expect(report[0]).toBe('| service | ready RSS MB | idle RSS MB | idle anon MB | idle heap used MB |');
    expect(report[2]).toBe('| gateway |        150.0 |       100.0 |         45.0 |              40.3 |');
    expect(report[4]).toBe('| total   |        310.0 |       210.5 |        100.0 |              85.3 |');
  });

  it('adds the load columns when a load ran', () => {
    const report = memoryReport([
      { service: 'orders', readyRssBytes: 120 * MB, idleRssBytes: 100 * MB, idleAnonBytes: 45 * MB, idleHeapBytes: 40 * MB, loadPeakRssBytes: 150 * MB, loadHeapBytes: 60 * MB, loadCpuSeconds: 12.345, loadGcSeconds: 0.5 },
    ]).split('\n');
    expect(report[0]).toContain('| load peak RSS MB | load heap used MB | load CPU s | load GC s |');
    expect(report[3]).toBe('| total   |        120.0 |       100.0 |         45.0 |              40.0 |            150.0 |              60.0 |      12.35 |      0.50 |');
  });

  it('prints the floors after the total, counted in it not at all', () => {
    const report = memoryReport(
      [{ service: 'orders', readyRssBytes: 120 * MB, idleRssBytes: 100 * MB, idleAnonBytes: 45 * MB, idleHeapBytes: 40 * MB }],
      [{ service: 'floor: node', readyRssBytes: 40 * MB, idleRssBytes: 41 * MB, idleAnonBytes: 8 * MB }],
    ).split('\n');
    expect(report[3]).toBe('| total       |        120.0 |       100.0 |         45.0 |              40.0 |');
    expect(report[4]).toBe('| floor: node |         40.0 |        41.0 |          8.0 |                   |');
  });
});
