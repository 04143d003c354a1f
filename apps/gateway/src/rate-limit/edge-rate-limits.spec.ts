import { RateLimitedError } from '@marketplace/platform';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../gateway-config';
import { EdgeRateLimits } from './edge-rate-limits';
import { MemoryRateLimitStore } from './memory-rate-limit-store';
import type { RateLimitStore, WindowCount } from './rate-limit-store';

const config = { RATE_LIMIT_WINDOW_MS: 60_000, RATE_LIMIT_IP_MAX: 2, RATE_LIMIT_USER_MAX: 1 } as GatewayConfig;

function logger(): Logger & { warnings: unknown[] } {
  const warnings: unknown[] = [];
  return { warnings, warn: (...args: unknown[]) => warnings.push(args) } as unknown as Logger & { warnings: unknown[] };
}

/** Counters "elsewhere": every hit is a promise, and is counted. */
class RemoteStore implements RateLimitStore {
  readonly remote = true;
  hits = 0;
  failing = false;
  private readonly memory = new MemoryRateLimitStore();

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    this.hits += 1;
    if (this.failing) throw new Error('connection refused');
    return this.memory.hit(key, windowMs);
  }

  async close(): Promise<void> {
    await this.memory.close();
  }
}

describe('EdgeRateLimits', () => {
  it('with counters in this process, answers synchronously: nothing under the limit, a thrown 429 over it', () => {
    const limits = new EdgeRateLimits(new MemoryRateLimitStore(), config, logger());
    expect(limits.checkIp('10.0.0.1')).toBeUndefined();
    expect(limits.checkIp('10.0.0.1')).toBeUndefined();
    let refusal: unknown;
    try {
      limits.checkIp('10.0.0.1');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect((refusal as RateLimitedError).headers()['retry-after']).toBe('60');
    expect(limits.checkIp('10.0.0.2')).toBeUndefined();
    expect(limits.checkUser('u-1')).toBeUndefined();
    expect(() => limits.checkUser('u-1')).toThrow('Too many requests from this user; try again later.');
  });

  it('with remote counters, refuses a key Redis said is over its limit without asking again until its window ends', async () => {
    const store = new RemoteStore();
    const limits = new EdgeRateLimits(store, config, logger());
    await limits.checkUser('u-1');
    await expect(limits.checkUser('u-1')).rejects.toBeInstanceOf(RateLimitedError);
    expect(store.hits).toBe(2);
    for (let i = 0; i < 5; i += 1) expect(() => limits.checkUser('u-1')).toThrow(RateLimitedError);
    expect(store.hits).toBe(2);
    // Other keys still go to the store.
    await limits.checkUser('u-2');
    expect(store.hits).toBe(3);
  });

  it('lets a request through, with a warning, when the store fails', async () => {
    const store = new RemoteStore();
    store.failing = true;
    const log = logger();
    const limits = new EdgeRateLimits(store, config, log);
    await expect(limits.checkIp('10.0.0.1')).resolves.toBeUndefined();
    expect(log.warnings).toHaveLength(1);
  });
});
