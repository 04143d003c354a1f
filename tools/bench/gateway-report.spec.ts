import { gatewayReport } from './gateway-report';

describe('gatewayReport', () => {
  const base = { errors: 0, seconds: 10, latenciesMs: [] };
  const level = (concurrency: number, direct: [number, number, number], gateway: [number, number, number]) => ({
    concurrency,
    direct: { target: 'direct', requests: direct[0] * 10, requestsPerSecond: direct[0], p50Ms: direct[1], p99Ms: direct[2], ...base },
    viaGateway: { target: 'gateway', requests: gateway[0] * 10, requestsPerSecond: gateway[0], p50Ms: gateway[1], p99Ms: gateway[2], ...base },
  });

  it('tabulates both targets at each concurrency, the overhead of the gateway, and the targets met or not', () => {
    const report = gatewayReport([level(1, [1_000, 0.9, 2], [800, 1.1, 2.5]), level(32, [4_000, 7.5, 20], [3_000, 10, 31.25])]);
    const lines = report.split('\n');
    expect(lines[0]).toMatch(/^\| connections \| target +\| requests \| errors \| req\/s \| p50 ms \| p99 ms \|$/);
    expect(lines[2]).toMatch(/^\| +1 \| direct +\| +10,000 \| +0 \| 1,000 \| +0\.90 \| +2\.00 \|$/);
    expect(lines[5]).toMatch(/^\| +32 \| gateway +\| +30,000 \| +0 \| 3,000 \| +10\.00 \| +31\.25 \|$/);
    expect(lines.slice(6)).toEqual([
      '  1 connection: gateway at 0.80x the direct req/s, adds p50 +0.20 ms, p99 +0.50 ms',
      '32 connections: gateway at 0.75x the direct req/s, adds p50 +2.50 ms, p99 +11.25 ms',
      'target: at 32 connections >= 0.70x the direct req/s: 0.75x, met',
      'target: at 1 connection adds <= 0.30 ms to p50: +0.20 ms, met',
    ]);
  });

  it('says when a target is not met, and leaves out targets at concurrencies not measured', () => {
    expect(gatewayReport([level(32, [4_000, 7.5, 20], [1_600, 19, 40])]).split('\n').slice(-1)).toEqual(['target: at 32 connections >= 0.70x the direct req/s: 0.40x, NOT met']);
    expect(gatewayReport([level(1, [1_000, 0.9, 2], [500, 1.9, 3])]).split('\n').slice(-1)).toEqual(['target: at 1 connection adds <= 0.30 ms to p50: +1.00 ms, NOT met']);
    expect(gatewayReport([level(8, [1_000, 0.9, 2], [500, 1.9, 3])])).not.toMatch(/target:/);
  });

  it('puts the bare proxy between the two, with what it adds (the hop) and what the gateway adds beyond it', () => {
    const bare = { target: 'bare proxy', requests: 9_000, requestsPerSecond: 900, p50Ms: 1.05, p99Ms: 2.2, ...base };
    const lines = gatewayReport([{ ...level(1, [1_000, 0.9, 2], [800, 1.15, 2.5]), viaBareProxy: bare }]).split('\n');
    expect(lines.slice(2, 5).map((line) => line.split('|')[2].trim())).toEqual(['direct', 'bare proxy', 'gateway']);
    expect(lines.slice(5)).toEqual([
      '1 connection: gateway at 0.80x the direct req/s, adds p50 +0.25 ms, p99 +0.50 ms',
      "1 connection: bare proxy at 0.90x the direct req/s, adds p50 +0.15 ms, p99 +0.20 ms (the hop itself); the gateway's own part: p50 +0.10 ms, 0.89x the bare proxy's req/s",
      'target: at 1 connection adds <= 0.30 ms to p50: +0.25 ms, met (a bare proxy adds +0.15 ms)',
    ]);
  });
});
