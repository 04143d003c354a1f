import { Module } from '@nestjs/common';
import { PlatformModule } from '@marketplace/platform';
import { EdgeAuthenticator } from './auth/edge-authenticator';
import { tokenVerifierProvider } from './auth/token-verifier.provider';
import { ConsoleRoutes } from './http/console-routes';
import { EdgeProtection } from './http/edge-protection';
import { GatewayRoutes } from './http/gateway-routes';
import { ServiceReadiness } from './infrastructure/service-readiness';
import { OpenApiAggregator } from './openapi/openapi-aggregator';
import { OpenApiController } from './openapi/openapi.controller';
import { ApiProxy } from './proxy/api-proxy';
import { UpgradeRequests } from './proxy/upgrade-requests';
import { UpstreamClient } from './proxy/upstream-client';
import { EdgeRateLimits } from './rate-limit/edge-rate-limits';
import { rateLimitStoreProvider } from './rate-limit/rate-limit.providers';

/** The gateway: no database of its own; routes `/api/v1` (WebSocket upgrades too) to the services, guards the edge, serves the merged API docs and the admin console. */
@Module({
  imports: [PlatformModule.forRoot()],
  controllers: [OpenApiController],
  providers: [ServiceReadiness, tokenVerifierProvider, EdgeAuthenticator, rateLimitStoreProvider, EdgeRateLimits, EdgeProtection, UpgradeRequests, UpstreamClient, ApiProxy, OpenApiAggregator, GatewayRoutes, ConsoleRoutes],
})
export class AppModule {}
