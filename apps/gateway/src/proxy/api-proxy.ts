import { Inject, Injectable } from '@nestjs/common';
import { BACKEND_SERVICES, markAnsweredByAnotherService, NotFoundError, PLATFORM_CONFIG } from '@marketplace/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EdgeAuthenticator } from '../auth/edge-authenticator';
import { serviceBaseUrl, type BackendService, type GatewayConfig } from '../gateway-config';
import { EdgeRateLimits } from '../rate-limit/edge-rate-limits';
import { clientResponseHeaders, upstreamRequestHeaders } from './forwarded-headers';
import { API_PREFIX, resolveRoute } from './route-table';
import { UpgradeRequests } from './upgrade-requests';
import { UpstreamClient, type Cancellation } from './upstream-client';

/**
 * `/api/v1/*`: finds the owning service, checks the token and the user's rate limit, and passes the
 * request on. Request bodies arrive as raw bytes (up to the body limit, 413 beyond), so that what the
 * service gets is exactly what the client sent (webhook signatures depend on it); responses are
 * streamed back unbuffered, server-sent events included (a small body of announced length is passed on
 * as one buffer once it has arrived: `SMALL_BODY_BYTES`). An upgrade request (WebSocket) is asked of the
 * service in turn; if it switches protocols, the two connections are joined into a tunnel.
 */
@Injectable()
export class ApiProxy {
  /** Each service's base URL, looked up once instead of by variable name on every request. */
  private readonly baseUrls: ReadonlyMap<BackendService, string>;
  private readonly imageUploadLimit: number;

  constructor(
    private readonly authenticator: EdgeAuthenticator,
    private readonly rateLimits: EdgeRateLimits,
    private readonly upgrades: UpgradeRequests,
    private readonly upstream: UpstreamClient,
    @Inject(PLATFORM_CONFIG) config: GatewayConfig,
  ) {
    this.baseUrls = new Map(BACKEND_SERVICES.map((service) => [service, serviceBaseUrl(config, service)]));
    this.imageUploadLimit = config.IMAGE_UPLOAD_LIMIT_BYTES;
  }

  /** An encapsulated plugin: its raw-body parser does not affect the gateway's own routes. */
  register(fastify: FastifyInstance): void {
    void fastify.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
      const handler = (request: FastifyRequest, reply: FastifyReply) => this.forward(request, reply);
      scope.all(API_PREFIX, handler);
      scope.all(`${API_PREFIX}/*`, handler);
      // Embedded mode uploads images through here to catalog's local store: their own limit, not every request's.
      scope.put(`${API_PREFIX}/images/*`, { bodyLimit: this.imageUploadLimit }, handler);
    });
  }

  private async forward(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const route = resolveRoute(request.url);
    if (!route) throw new NotFoundError(`No API route matches ${request.method} ${request.url.split('?')[0]}.`);
    const user = await this.authenticator.authenticate(request.method, route.path, request.headers.authorization);
    if (user) {
      const pending = this.rateLimits.checkUser(user.id);
      if (pending) await pending;
    }
    const body = Buffer.isBuffer(request.body) ? request.body : undefined;
    const upgrade = this.upgrades.isUpgrade(request.raw) ? request.headers.upgrade : undefined;
    const call: Cancellation = {};
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) call.cancel?.();
    });
    const { response, switched } = await this.upstream.send(
      {
        service: route.service,
        baseUrl: this.baseUrls.get(route.service) as string,
        method: request.method,
        pathAndQuery: route.path + route.search,
        headers: upstreamRequestHeaders(request.headers, {
          requestId: String(request.id),
          clientIp: request.ip,
          protocol: request.protocol,
          host: request.headers.host,
          bodyLength: body?.length,
          upgrade,
        }),
        body,
        upgrade: upgrade !== undefined,
      },
      call,
    );
    if (switched) return this.upgrades.tunnel(request, reply, response, switched);
    // The service logs this request itself (same x-request-id): the gateway's line for it is at debug.
    markAnsweredByAnotherService(request);
    return reply.status(response.statusCode).headers(clientResponseHeaders(response.headers)).send(response.body);
  }
}
