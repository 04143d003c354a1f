import helmet from '@fastify/helmet';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { PLATFORM_CONFIG } from '@marketplace/platform';
import type { FastifyInstance } from 'fastify';
import type { GatewayConfig } from '../gateway-config';
import { EdgeRateLimits } from '../rate-limit/edge-rate-limits';

/** Probes are polled constantly by the orchestrator; they must never be rate limited. */
const UNLIMITED = new Set(['/health', '/ready', '/metrics']);

/** Security headers for a JSON API: nothing may be loaded or framed from its responses. */
export const API_CONTENT_SECURITY_POLICY = { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } };

/** What guards every route of the gateway: security headers, CORS, and the per-IP rate limit. */
@Injectable()
export class EdgeProtection {
  constructor(
    private readonly rateLimits: EdgeRateLimits,
    @Inject(PLATFORM_CONFIG) private readonly config: GatewayConfig,
  ) {}

  register(adapter: FastifyAdapter, fastify: FastifyInstance): void {
    void fastify.register(helmet, { contentSecurityPolicy: API_CONTENT_SECURITY_POLICY, frameguard: { action: 'deny' } });
    adapter.enableCors({
      origin: this.config.CORS_ORIGINS,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    });
    fastify.addHook('onRequest', async (request) => {
      if (UNLIMITED.has(request.url.split('?')[0] ?? '')) return;
      await this.rateLimits.checkIp(request.ip);
    });
  }
}
