import { Redis } from 'ioredis';
import type { RateLimitStore, WindowCount } from './rate-limit-store';

/** Increments the window's counter and starts its expiry on the first hit, atomically. */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }
`;

/** Counters in Redis, shared by every gateway instance. */
export class RedisRateLimitStore implements RateLimitStore {
  readonly remote = true;
  private readonly redis: Redis;

  constructor(url: string, private readonly keyPrefix = 'gateway:ratelimit:') {
    // A slow or absent Redis must not hold requests: a command waits at most 500 ms (also while
    // connecting, queued) and the caller decides what a failure means.
    this.redis = new Redis(url, { commandTimeout: 500, maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined);
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const [count, ttl] = (await this.redis.eval(HIT_SCRIPT, 1, this.keyPrefix + key, String(windowMs))) as [number, number];
    return { count, resetInMs: ttl };
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
