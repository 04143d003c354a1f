import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { moveQueryAccessToken } from '../auth/query-access-token';
import { registerDocsRoutes } from '../openapi/docs-routes';
import { ApiProxy } from '../proxy/api-proxy';
import { UpgradeRequests } from '../proxy/upgrade-requests';
import { EdgeProtection } from './edge-protection';

/**
 * Installs the gateway's Fastify-level parts on the app's server while Nest initialises (before the
 * server boots): edge protection for every route, the `/api/v1` proxy (upgrade requests included) and `/docs`.
 */
@Injectable()
export class GatewayRoutes implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly protection: EdgeProtection,
    private readonly proxy: ApiProxy,
    private readonly upgrades: UpgradeRequests,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as FastifyAdapter;
    const fastify = adapter.getInstance<FastifyInstance>();
    // First of the gateway's hooks: no later one may see, log or pass on a token in the URL.
    fastify.addHook('onRequest', (request, _reply, done) => {
      try {
        moveQueryAccessToken(request.raw, this.upgrades.isUpgrade(request.raw));
      } catch (error) {
        return done(error as Error);
      }
      done();
    });
    this.protection.register(adapter, fastify);
    this.proxy.register(fastify);
    this.upgrades.listen(fastify);
    registerDocsRoutes(fastify);
  }
}
