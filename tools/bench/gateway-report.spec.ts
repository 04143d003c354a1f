import { gatewayReport } from './gateway-report';

describe('gatewayReport', () => {
  it('tabulates both targets and the overhead of the gateway', () => {
    const base = { errors: 0, seconds: 10 };
    const report = gatewayReport(
      { target: 'direct', requests: 40_000, requestsPerSecond: 4_000, p50Ms: 7.5, p99Ms: 20, ...base },
      { target: 'gateway', requests: 30_000, requestsPerSecond: 3_000, p50Ms: 10, p99Ms: 31.25, ...base },
    );
    const lines = report.split('\n');
    expect(lines[0]).toMatch(/^\| target +\| requests \| errors \| req\/s \| p50 ms \| p99 ms \|$/);
    expect(lines[2]).toMatch(/^\| direct +\| +40,000 \| +0 \| 4,000 \| +7\.50 \| +20\.00 \|$/);
    expect(lines[3]).toMatch(/^\| gateway +\| +30,000 \| +0 \| 3,000 \| +10\.00 \| +31\.25 \|$/);
    expect(lines[4]).toBe('gateway overhead: p50 +2.50 ms, p99 +11.25 ms, throughput 25.0% lower');
  });
});
