import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import type { OutgoingHttpHeaders } from 'node:http';
import { startUpstreamSpan } from './upstream-span';

describe('startUpstreamSpan', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

  beforeAll(() => provider.register({ propagator: new W3CTraceContextPropagator() }));

  afterAll(async () => {
    trace.disable();
    context.disable();
    propagation.disable();
    await provider.shutdown();
  });

  it("records a client span under the request's span and sends its trace context to the service, without the query", () => {
    const server = provider.getTracer('test').startSpan('GET /api/v1/me', { kind: SpanKind.SERVER });
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
