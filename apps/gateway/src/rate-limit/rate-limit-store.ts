/** One counter's state after a hit: how many hits its current window holds and when the window ends. */
export interface WindowCount {
  count: number;
  resetInMs: number;
}

/** Fixed-window hit counters, in memory or shared (Redis). */
export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<WindowCount>;
  close(): Promise<void>;
}

export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');
