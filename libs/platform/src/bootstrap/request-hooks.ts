import { AsyncResource } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { httpRequestDuration } from '../health/metrics';
import { runWithRequestId } from '../logging/request-context';

const asyncScope = Symbol('asyncScope');
type ScopedRequest = { [asyncScope]?: AsyncResource };

/** Probes are polled constantly; their lines would drown the rest. */
const QUIET_ROUTES = new Set(['/health', '/ready', '/metrics']);

/**
 * Gives every request its id (echoed as `x-request-id`), a logging context, a duration metric and one
 * "request completed" line.
 */
export function installRequestHooks(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    runWithRequestId(String(request.id), () => {
      (request as ScopedRequest)[asyncScope] = new AsyncResource('marketplace.request');
      done();
    });
  });

  // Body parsing runs in the socket's async context; re-enter the request's (its id and its trace).
  fastify.addHook('preValidation', (request, _reply, done) => {
    const scope = (request as ScopedRequest)[asyncScope];
    if (scope) scope.runInAsyncScope(done);
    else done();
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    httpRequestDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, seconds);
    if (!QUIET_ROUTES.has(route) || reply.statusCode >= 500) {
      logger.info(
        { request_id: request.id, method: request.method, url: request.url, status: reply.statusCode, duration_ms: Math.round(reply.elapsedTime) },
        'request completed',
      );
    }
    (request as ScopedRequest)[asyncScope]?.emitDestroy();
    done();
  });
}
