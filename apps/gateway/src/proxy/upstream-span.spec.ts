import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { inMemoryTracing } from '@marketplace/testing';
import type { OutgoingHttpHeaders } from 'node:http';
import { startUpstreamSpan } from './upstream-span';

describe('startUpstreamSpan', () => {
  const exporter = inMemoryTracing();

  it("records a client span under the request's span and sends its trace context to the service, without the query", () => {
    const server = trace.getTracer('test').startSpan('GET /api/v1/me', { kind: SpanKind.SERVER });
    const headers: OutgoingHttpHeaders = { 'x-request-id': 'r-1' };
    const span = context.with(trace.setSpan(context.active(), server), () => startUpstreamSpan('GET', 'http://127.0.0.1:3001', '/me?access=secret', headers));
    span.setStatus({ code: SpanStatusCode.OK });
    span.end();
    server.end();

    const client = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.CLIENT);
    expect(client).toBeDefined();
    expect(client?.name).toBe('GET');
    expect(client?.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(client?.spanContext().traceId).toBe(server.spanContext().traceId);
    expect(client?.attributes).toEqual({ 'http.request.method': 'GET', 'server.address': '127.0.0.1', 'server.port': 3001, 'url.full': 'http://127.0.0.1:3001/me' });
    expect(headers.traceparent).toBe(`00-${client?.spanContext().traceId}-${client?.spanContext().spanId}-01`);
    expect(headers['x-request-id']).toBe('r-1');
  });
});
