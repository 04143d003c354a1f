import { percentile } from './measurement';

export interface LoadOptions {
  /** Requests in flight at once (each worker sends one after the other on a kept-alive connection). */
  concurrency: number;
  /** Stop after this many requests... */
  maxRequests: number;
  /** ...or after this long, whichever comes first. */
  maxSeconds: number;
}

export interface LoadResult {
  requests: number;
  /** Requests that did not answer the expected status (or failed outright). */
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Every request's latency, sorted; rounds of one target are combined from them. */
  latenciesMs: number[];
}

/** One request; resolves true when it answered as expected. */
export type SendRequest = () => Promise<boolean>;

/**
 * A closed-loop load: `concurrency` workers each send a request, wait for the answer, and send the
 * next, until the request budget or the time budget is spent. Latency is measured per request.
 */
export async function runLoad(send: SendRequest, options: LoadOptions, now: () => bigint = process.hrtime.bigint): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let started = 0;
  let errors = 0;
  const start = now();
  const deadline = start + BigInt(Math.round(options.maxSeconds * 1e9));
  const worker = async () => {
    while (started < options.maxRequests && now() < deadline) {
      started += 1;
      const sent = now();
      const ok = await send().catch(() => false);
      latenciesMs.push(Number(now() - sent) / 1e6);
      if (!ok) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = Number(now() - start) / 1e9;
  latenciesMs.sort((a, b) => a - b);
  return {
    requests: latenciesMs.length,
    errors,
    seconds,
    requestsPerSecond: seconds > 0 ? latenciesMs.length / seconds : 0,
    p50Ms: percentile(latenciesMs, 50),
    p99Ms: percentile(latenciesMs, 99),
    latenciesMs,
  };
}

/** Several runs of one target (rounds taking turns with another target) as one: their requests over their time. */
export function combineLoads(runs: LoadResult[]): LoadResult {
  const latenciesMs = runs.flatMap((run) => run.latenciesMs).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return {
    requests: latenciesMs.length,
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    seconds,
    requestsPerSecond: seconds > 0 ? latenciesMs.length / seconds : 0,
    p50Ms: percentile(latenciesMs, 50),
    p99Ms: percentile(latenciesMs, 99),
    latenciesMs,
  };
}
