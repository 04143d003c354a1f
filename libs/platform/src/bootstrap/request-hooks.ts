import { AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { httpRequestDuration } from '../health/metrics';
import { runWithRequestId } from '../logging/request-context';

const asyncScope = Symbol('asyncScope');
const loggedByAnswerer = Symbol('loggedByAnswerer');
type ScopedRequest = { [asyncScope]?: AsyncResource; [loggedByAnswerer]?: true };

/**
 * For a proxy (the gateway): the answer to this request is another service's, passed on, and that
 * service writes its own "request completed" line for it (same request id). This process's line for it
 * is then written at debug, so that one request is not logged twice at info.
 */
export function markAnsweredByAnotherService(request: FastifyRequest): void {
  (request as ScopedRequest)[loggedByAnswerer] = true;
}

/** Probes are polled constantly; their lines would drown the rest. */
const QUIET_ROUTES = new Set(['/health', '/ready', '/metrics']);

/**
 * Gives every request its id (echoed as `x-request-id`), a logging context, a duration metric and one
 * "request completed" line.
 */
export function installRequestHooks(fastify: FastifyInstance, logger: Logger): void {
  // The line's fields (and the mixin's request and trace ids) are fixed and none is a redacted key, so
  // redaction cannot change it; skipped, because pino runs every field of every line through the
  // wildcard paths' redactor (~50 µs a line, as much as the rest of a proxied request at the gateway).
  const completedLog = logger.child({}, { redact: [] });
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
    const level = (request as ScopedRequest)[loggedByAnswerer] ? 'debug' : 'info';
    if ((!QUIET_ROUTES.has(route) || reply.statusCode >= 500) && completedLog.isLevelEnabled(level)) {
      completedLog[level](
        { request_id: request.id, method: request.method, url: request.url, status: reply.statusCode, duration_ms: Math.round(reply.elapsedTime) },
        'request completed',
      );
    }
    (request as ScopedRequest)[asyncScope]?.emitDestroy();
    done();
  });
}
