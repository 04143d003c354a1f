import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { isTracingSuppressed } from '@opentelemetry/core';
import { inMemoryTracing } from '@marketplace/testing';
import { request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tracedServerFactory } from './server-spans';

describe('tracedServerFactory', () => {
  const exporter = inMemoryTracing();
  const seen: { path: string; traceId?: string; spanId?: string; suppressed: boolean }[] = [];
  let server: Server;
  let port: number;

  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const span = trace.getActiveSpan()?.spanContext();
    seen.push({ path: request.url ?? '', traceId: span?.traceId, spanId: span?.spanId, suppressed: isTracingSuppressed(context.active()) });
    response.statusCode = request.url?.startsWith('/broken') ? 503 : 200;
    response.end('ok');
  };

  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<number>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, path, headers: { 'user-agent': 'spec/1.0', ...headers } }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      })
        .on('error', reject)
        .end();
    });

  /** The span ends when the response closes, just after the client has its answer. */
  const finishedSpans = async (count: number) => {
    for (let i = 0; i < 100 && exporter.getFinishedSpans().length < count; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
    return exporter.getFinishedSpans();
  };

  beforeAll(async () => {
    server = tracedServerFactory(handler, { keepAliveTimeout: 72_000, requestTimeout: 0, connectionTimeout: 0 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    exporter.reset();
    seen.length = 0;
  });

  it("records the request's SERVER span as the HTTP instrumentation did, continuing the caller's trace, active while the request is served", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    expect(await get('/api/v1/notifications/stream?access_token=secret&page=2', { traceparent: `00-${traceId}-00f067aa0ba902b7-01` })).toBe(200);
    const [span] = await finishedSpans(1);
    expect(span.name).toBe('GET');
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.spanContext().traceId).toBe(traceId);
    expect(span.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(seen).toEqual([{ path: '/api/v1/notifications/stream?access_token=secret&page=2', traceId, spanId: span.spanContext().spanId, suppressed: false }]);
    expect(span.attributes).toEqual({
      'http.request.method': 'GET',
      'url.scheme': 'http',
      'url.path': '/api/v1/notifications/stream',
      'url.query': 'access_token=REDACTED&page=2',
      'server.address': '127.0.0.1',
      'server.port': port,
      'client.address': '127.0.0.1',
      'network.peer.address': '127.0.0.1',
      'network.peer.port': expect.any(Number),
      'network.protocol.version': '1.1',
      'user_agent.original': 'spec/1.0',
      'http.response.status_code': 200,
    });
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('starts a new trace without a traceparent, marks a 5xx answer as an error, and reads forwarded addresses as the instrumentation did', async () => {
    expect(await get('/broken', { 'x-forwarded-for': '203.0.113.9, 10.0.0.1', 'x-forwarded-host': 'api.example.com', 'x-forwarded-proto': 'https' })).toBe(503);
    const [span] = await finishedSpans(1);
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes).toMatchObject({ 'http.response.status_code': 503, 'client.address': '203.0.113.9', 'server.address': 'api.example.com', 'server.port': 443 });
    expect(span.attributes['url.query']).toBeUndefined();
  });

  it('leaves probes untraced, with tracing suppressed for whatever they do', async () => {
    expect(await get('/health')).toBe(200);
    expect(await get('/ready?verbose=1')).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(exporter.getFinishedSpans()).toEqual([]);
    expect(seen.map((s) => s.suppressed)).toEqual([true, true]);
  });

  it("applies Fastify's server options", () => {
    expect(server.keepAliveTimeout).toBe(72_000);
    expect(server.requestTimeout).toBe(0);
  });
});
