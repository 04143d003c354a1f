import { AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { httpRequestDuration } from '../health/metrics';
import { runWithRequestId } from '../logging/request-context';

const asyncScope = Symbol('asyncScope');
const inScope = Symbol('inScope');
const loggedByAnswerer = Symbol('loggedByAnswerer');
type ScopedRequest = { [asyncScope]?: AsyncResource; [inScope]?: boolean; [loggedByAnswerer]?: true };

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
      const scoped = request as ScopedRequest;
      scoped[asyncScope] = new AsyncResource('marketplace.request');
      // Whatever runs before done() returns (every hook and the handler of a request without a body,
      // when no hook waits) is still inside this scope.
      scoped[inScope] = true;
      try {
        done();
      } finally {
        scoped[inScope] = false;
      }
    });
  });

  // Body parsing runs in the socket's async context; re-enter the request's (its id and its trace).
  fastify.addHook('preValidation', (request, _reply, done) => {
    const scoped = request as ScopedRequest;
    const scope = scoped[asyncScope];
    if (scope && !scoped[inScope]) scope.runInAsyncScope(done);
    else done();
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    httpRequestDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, seconds);
    const level = (request as ScopedRequest)[loggedByAnswerer] ? 'debug' : 'info';
    const scope = (request as ScopedRequest)[asyncScope];
    if ((!QUIET_ROUTES.has(route) || reply.statusCode >= 500) && completedLog.isLevelEnabled(level)) {
      const line = { request_id: request.id, method: request.method, url: request.url, status: reply.statusCode, duration_ms: Math.round(reply.elapsedTime) };
      // The response's events come from its socket: re-enter the request's scope, so that the line carries its trace.
      if (scope) scope.runInAsyncScope(() => completedLog[level](line, 'request completed'));
      else completedLog[level](line, 'request completed');
    }
    scope?.emitDestroy();
    done();
  });
}
