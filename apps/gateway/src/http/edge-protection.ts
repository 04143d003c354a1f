import { Inject, Injectable } from '@nestjs/common';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { PLATFORM_CONFIG } from '@marketplace/platform';
import type { FastifyInstance } from 'fastify';
import type { GatewayConfig } from '../gateway-config';
import { EdgeRateLimits } from '../rate-limit/edge-rate-limits';
import { registerSecurityHeaders } from './security-headers';

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
    registerSecurityHeaders(fastify, { contentSecurityPolicy: API_CONTENT_SECURITY_POLICY, frameguard: { action: 'deny' } });
    adapter.enableCors({
      origin: this.config.CORS_ORIGINS,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    });
    fastify.addHook('onRequest', (request, _reply, done) => {
      if (UNLIMITED.has(pathOf(request.url))) return done();
      let pending: void | Promise<void>;
      try {
        pending = this.rateLimits.checkIp(request.ip);
      } catch (error) {
        return done(error as Error);
      }
      if (pending) pending.then(() => done(), done);
      else done();
    });
  }
}

function pathOf(url: string): string {
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? url : url.slice(0, queryAt);
}
