import type { Provider } from '@nestjs/common';
import { PLATFORM_CONFIG, ReadinessRegistry } from '@marketplace/platform';
import type { GatewayConfig } from '../gateway-config';
import { MemoryRateLimitStore } from './memory-rate-limit-store';
import { RATE_LIMIT_STORE } from './rate-limit-store';

/** Redis when REDIS_URL is set (and then part of readiness), else this process's memory. */
export const rateLimitStoreProvider: Provider = {
  provide: RATE_LIMIT_STORE,
  inject: [PLATFORM_CONFIG, ReadinessRegistry],
  useFactory: (config: GatewayConfig, readiness: ReadinessRegistry) => {
    if (!config.REDIS_URL) return new MemoryRateLimitStore();
    // Required here rather than imported: a gateway without Redis never loads ioredis.
    const { RedisRateLimitStore } = require('./redis-rate-limit-store') as typeof import('./redis-rate-limit-store');
    const store = new RedisRateLimitStore(config.REDIS_URL);
    readiness.register('redis', () => store.ping());
    return store;
  },
};
