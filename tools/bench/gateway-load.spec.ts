import { combineLoads, runLoad } from './gateway-load';

describe('runLoad', () => {
  it('sends exactly the request budget when time allows, never more than `concurrency` at once', async () => {
    let inFlight = 0;
    let most = 0;
    const result = await runLoad(
      async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        return true;
      },
      { concurrency: 4, maxRequests: 100, maxSeconds: 60 },
    );
    expect(result.requests).toBe(100);
    expect(result.errors).toBe(0);
    expect(most).toBe(4);
    expect(result.requestsPerSecond).toBeGreaterThan(0);
  });

  it('stops at the time budget, and counts failed and rejected requests as errors', async () => {
    let calls = 0;
    let failures = 0;
    const started = Date.now();
    const result = await runLoad(
      async () => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (calls % 2 === 0) {
          failures += 1;
          throw new Error('connection reset');
        }
        if (calls % 3 === 0) failures += 1;
        return calls % 3 !== 0;
      },
      { concurrency: 2, maxRequests: 1_000_000, maxSeconds: 0.2 },
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result.requests).toBe(calls);
    expect(result.requests).toBeGreaterThan(4);
    expect(result.requests).toBeLessThan(1_000);
    expect(result.errors).toBe(failures);
  });

  it('reports latency percentiles from a fake clock', async () => {
    let t = 0n;
    const latencies = [1, 2, 3, 4, 100];
    let i = 0;
    const now = () => t;
    const result = await runLoad(
      async () => {
        t += BigInt(latencies[i++ % latencies.length] * 1e6);
        return true;
      },
      { concurrency: 1, maxRequests: 5, maxSeconds: 60 },
      now,
    );
    expect(result).toMatchObject({ requests: 5, p50Ms: 3, p99Ms: 100, seconds: 0.11 });
    expect(result.requestsPerSecond).toBeCloseTo(5 / 0.11);
  });

  it('combines rounds of one target: all their requests over all their time, percentiles over all latencies', () => {
    const run = (latenciesMs: number[], seconds: number, errors = 0) => ({ requests: latenciesMs.length, errors, seconds, requestsPerSecond: 0, p50Ms: 0, p99Ms: 0, latenciesMs });
    const combined = combineLoads([run([1, 2, 3], 1), run([4, 5], 1, 1)]);
    expect(combined).toMatchObject({ requests: 5, errors: 1, seconds: 2, requestsPerSecond: 2.5, p50Ms: 3, p99Ms: 5, latenciesMs: [1, 2, 3, 4, 5] });
  });
});
