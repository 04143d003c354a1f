import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, PLATFORM_CONFIG, RateLimitedError } from '@marketplace/platform';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../gateway-config';
import { RATE_LIMIT_STORE, type RateLimitStore, type WindowCount } from './rate-limit-store';

/** Keys known to be over their limit, remembered at most; beyond that the expired ones are dropped, or all. */
const MAX_KNOWN_OVER = 10_000;

/**
 * The gateway's two limits: requests per client IP address (every request) and per user (once the
 * token is verified, keyed by its subject). Over a limit is a 429 with Retry-After. If the shared
 * store cannot be reached the request is let through and the failure logged: an outage of the
 * counters must not become an outage of the API.
 *
 * With counters in this process a check is synchronous: it returns nothing, or throws the 429. With
 * counters in Redis it returns a promise; and once Redis has said a key is over its limit, further hits
 * of that key are refused here until its window ends (a fixed window's count only grows until then, so
 * the answer could not differ), sparing Redis the traffic of a client that is being refused.
 */
@Injectable()
export class EdgeRateLimits implements OnApplicationShutdown {
  /** Key → when its window ends (ms since the epoch), for keys the remote store said are over their limit. */
  private readonly overUntil = new Map<string, number>();

  constructor(
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    @Inject(PLATFORM_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  checkIp(ip: string): void | Promise<void> {
    return this.check(`ip:${ip}`, this.config.RATE_LIMIT_IP_MAX, 'this address');
  }

  checkUser(userId: string): void | Promise<void> {
    return this.check(`user:${userId}`, this.config.RATE_LIMIT_USER_MAX, 'this user');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }

  private check(key: string, max: number, who: string): void | Promise<void> {
    if (this.store.remote) this.refuseIfKnownOver(key, who);
    let window: WindowCount | Promise<WindowCount>;
    try {
      window = this.store.hit(key, this.config.RATE_LIMIT_WINDOW_MS);
    } catch (error) {
      return this.letThrough(error);
    }
    if (window instanceof Promise) {
      return window.then(
        (counted) => this.judge(key, counted, max, who),
        (error: unknown) => this.letThrough(error),
      );
    }
    this.judge(key, window, max, who);
  }

  private judge(key: string, window: WindowCount, max: number, who: string): void {
    if (window.count <= max) return;
    if (this.store.remote) this.rememberOver(key, Date.now() + window.resetInMs);
    throw new RateLimitedError(`Too many requests from ${who}; try again later.`, window.resetInMs / 1000);
  }

  private letThrough(error: unknown): void {
    this.logger.warn({ err: error }, 'rate-limit store unavailable; request let through');
  }

  private refuseIfKnownOver(key: string, who: string): void {
    const until = this.overUntil.get(key);
    if (until === undefined) return;
    const resetInMs = until - Date.now();
    if (resetInMs <= 0) {
      this.overUntil.delete(key);
      return;
    }
    throw new RateLimitedError(`Too many requests from ${who}; try again later.`, resetInMs / 1000);
  }

  private rememberOver(key: string, until: number): void {
    if (this.overUntil.size >= MAX_KNOWN_OVER) {
      const now = Date.now();
      for (const [known, end] of this.overUntil) if (end <= now) this.overUntil.delete(known);
      if (this.overUntil.size >= MAX_KNOWN_OVER) this.overUntil.clear();
    }
    this.overUntil.set(key, until);
  }
}
