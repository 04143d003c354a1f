import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type { IncomingMessage, RequestListener, Server, ServerOptions, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { REDACTED_QUERY_PARAMS, UNTRACED_PATHS } from './instrumentations';

const tracer = trace.getTracer('@marketplace/platform');

/** As the HTTP instrumentation spells them (semantic conventions' known methods); anything else is `_OTHER`. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH', 'QUERY']);

/**
 * Records the SERVER span of every request `listener` serves, and runs the listener with it as the active
 * span, the trace continued from the caller's `traceparent`: what `@opentelemetry/instrumentation-http`
 * does for a server, with the same name (the method), kind, attributes and status, for the platform's
 * own server (the service then starts telemetry with `serverSpans: 'platform'`, which turns that
 * instrumentation's server side off; its client side stays). It costs a fraction: the instrumentation
 * also parses every URL with WHATWG `URL` and wraps both messages' event emitters so that every listener
 * added to them runs in the request's context (at the gateway ~100 µs of CPU per request at 1 connection).
 * The platform does not need that wrapping: the request hooks keep the request's async scope and re-enter
 * it where Fastify continues from a socket event (body parsing, the `request completed` line).
 *
 * The span ends when the response closes, with `http.response.status_code` and an error status from 500 on.
 * `/health`, `/ready` and `/metrics` are not traced, nor is anything they do (tracing is suppressed), as
 * before. Differences: `url.path` is the path as sent (the instrumentation normalised it with WHATWG
 * URL parsing), and upgrade requests stay untraced (they never reach `listener`).
 */
export function tracedRequestListener(listener: RequestListener): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    context.with(serverSpanContext(request, response), listener, undefined, request, response);
  };
}

/**
 * Fastify's `serverFactory`: the HTTP server Fastify would create itself (same options and timeouts, see
 * fastify/lib/server.js), its requests served through `tracedRequestListener`.
 */
export function tracedServerFactory(
  handler: RequestListener,
  options: { http?: ServerOptions; keepAliveTimeout?: number; requestTimeout?: number; connectionTimeout?: number; maxRequestsPerSocket?: number },
): Server {
  const server = createServer(options.http ?? {}, tracedRequestListener(handler));
  if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
  if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
  if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout);
  if (options.maxRequestsPerSocket !== undefined && options.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
  return server;
}

function serverSpanContext(request: IncomingMessage, response: ServerResponse): Context {
  const url = request.url ?? '/';
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (UNTRACED_PATHS.has(path)) return suppressTracing(context.active());
  const method = request.method ?? 'GET';
  const normalized = KNOWN_METHODS.has(method) ? method : '_OTHER';
  const { headers, socket } = request;
  const server = serverAddress(request);
  const attributes: Attributes = {
    'http.request.method': normalized,
    'url.scheme': 'http',
    'server.address': server?.host,
    'network.peer.address': socket.remoteAddress,
    'network.peer.port': socket.remotePort,
    'network.protocol.version': request.httpVersion,
    'user_agent.original': headers['user-agent'],
    'url.path': path,
  };
  if (queryAt !== -1 && queryAt < url.length - 1) attributes['url.query'] = redactedQuery(url.slice(queryAt + 1));
  const client = clientAddress(request);
  if (client) attributes['client.address'] = client;
  if (server?.port) attributes['server.port'] = Number(server.port);
  if (method !== normalized) attributes['http.request.method_original'] = method;
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = tracer.startSpan(method, { kind: SpanKind.SERVER, attributes }, parent);
  response.once('close', () => {
    span.setAttribute('http.response.status_code', response.statusCode);
    if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return trace.setSpan(parent, span);
}

/** The query with the values of signed-URL parameters and `access_token` replaced, as the instrumentation writes it. */
function redactedQuery(query: string): string {
  const params = new URLSearchParams(query);
  for (const name of REDACTED_QUERY_PARAMS) if (params.has(name)) params.set(name, 'REDACTED');
  return params.toString();
}

/** `server.address`/`server.port`: the first `Forwarded` host, else `X-Forwarded-Host`, else `Host` (semantic conventions, as the instrumentation reads them). */
function serverAddress(request: IncomingMessage): { host: string; port?: string } | undefined {
  const { headers } = request;
  const forwarded = forwardedField(headers.forwarded, 'host');
  if (forwarded) return hostAndPort(forwarded, forwardedField(headers.forwarded, 'proto'));
  const forwardedHost = first(headers['x-forwarded-host']);
  if (forwardedHost) return hostAndPort(forwardedHost, first(headers['x-forwarded-proto']));
  return headers.host ? hostAndPort(headers.host, 'http') : undefined;
}

/** `client.address`: the first `Forwarded` for, else the first `X-Forwarded-For` entry, else the TCP peer. */
function clientAddress(request: IncomingMessage): string | undefined {
  const forwarded = forwardedField(request.headers.forwarded, 'for');
  if (forwarded) return withoutPort(forwarded);
  const forwardedFor = first(request.headers['x-forwarded-for']);
  if (forwardedFor) return withoutPort(forwardedFor.split(',')[0].trim());
  return request.socket.remoteAddress;
}

function first(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

/** The first value of `field` in a `Forwarded` header (RFC 7239), unquoted. */
function forwardedField(header: string | undefined, field: string): string | undefined {
  if (!header) return undefined;
  for (const element of header.split(',')) {
    for (const pair of element.split(';')) {
      const at = pair.indexOf('=');
      if (at !== -1 && pair.slice(0, at).trim().toLowerCase() === field) return pair.slice(at + 1).trim().replace(/^"(.*)"$/, '$1');
    }
  }
  return undefined;
}

function hostAndPort(host: string, protocol: string | undefined): { host: string; port?: string } {
  const defaultPort = protocol === 'https' ? '443' : protocol === 'http' ? '80' : undefined;
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end !== -1 && host[end + 1] === ':' ? { host: host.slice(0, end + 1), port: host.slice(end + 2) } : { host, port: defaultPort };
  }
  const colon = host.indexOf(':');
  if (colon === -1) return { host, port: defaultPort };
  return host.indexOf(':', colon + 1) === -1 ? { host: host.slice(0, colon), port: host.slice(colon + 1) } : { host };
}

function withoutPort(address: string): string {
  if (address.startsWith('[')) {
    const end = address.indexOf(']');
    return end === -1 ? address : address.slice(1, end);
  }
  const colon = address.indexOf(':');
  // More than one colon: an IPv6 address without brackets, which has no port.
  return colon !== -1 && address.indexOf(':', colon + 1) === -1 ? address.slice(0, colon) : address;
}
