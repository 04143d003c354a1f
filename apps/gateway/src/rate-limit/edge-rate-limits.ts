import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, PLATFORM_CONFIG, RateLimitedError } from '@marketplace/platform';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../gateway-config';
import { RATE_LIMIT_STORE, type RateLimitStore } from './rate-limit-store';

/**
 * The gateway's two limits: requests per client IP address (every request) and per user (once the
 * token is verified, keyed by its subject). Over a limit is a 429 with Retry-After. If the shared
 * store cannot be reached the request is let through and the failure logged: an outage of the
 * counters must not become an outage of the API.
 */
@Injectable()
export class EdgeRateLimits implements OnApplicationShutdown {
  constructor(
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    @Inject(PLATFORM_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  checkIp(ip: string): Promise<void> {
    return this.check(`ip:${ip}`, this.config.RATE_LIMIT_IP_MAX, 'this address');
  }

  checkUser(userId: string): Promise<void> {
    return this.check(`user:${userId}`, this.config.RATE_LIMIT_USER_MAX, 'this user');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }

  private async check(key: string, max: number, who: string): Promise<void> {
    let window;
    try {
      window = await this.store.hit(key, this.config.RATE_LIMIT_WINDOW_MS);
    } catch (error) {
      this.logger.warn({ err: error }, 'rate-limit store unavailable; request let through');
      return;
    }
    if (window.count > max) {
      throw new RateLimitedError(`Too many requests from ${who}; try again later.`, window.resetInMs / 1000);
    }
  }
}
