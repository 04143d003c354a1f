/** One counter's state after a hit: how many hits its current window holds and when the window ends. */
export interface WindowCount {
  count: number;
  resetInMs: number;
}

/** Fixed-window hit counters, in memory or shared (Redis). */
export interface RateLimitStore {
  /** Counts a hit; answers at once when the counters are in this process, else with a promise. */
  hit(key: string, windowMs: number): WindowCount | Promise<WindowCount>;
  close(): Promise<void>;
  /** Counters kept outside this process (each hit is a round trip): a key known to be over its limit is answered locally until its window ends. */
  readonly remote?: boolean;
}

export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');
