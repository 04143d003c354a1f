import { inMemoryTracing } from '@marketplace/testing';
import Fastify, { type FastifyServerFactory } from 'fastify';
import type { AddressInfo } from 'node:net';
import { Readable, Writable } from 'node:stream';
import { createLogger } from '../logging/create-logger';
import { tracedServerFactory } from '../telemetry/server-spans';
import { installRequestHooks, markAnsweredByAnotherService } from './request-hooks';

describe('installRequestHooks', () => {
  it('writes one "request completed" line per request, with the service, level, time and request id, and leaves the logger redacting', async () => {
    const chunks: string[] = [];
    const destination = new Writable({ write: (chunk, _encoding, done) => (chunks.push(String(chunk)), done()) });
    const logger = createLogger({ service: 'widget-shop', destination });
    const fastify = Fastify({ genReqId: () => 'req-1' });
    installRequestHooks(fastify, logger);
    fastify.get('/widgets/:id', async () => ({ ok: true }));
    fastify.get('/health', async () => ({ ok: true }));

    const response = await fastify.inject({ method: 'GET', url: '/widgets/w-1?token=abc' });
    await fastify.inject({ method: 'GET', url: '/health' });
    logger.info({ authorization: 'Bearer secret', nested: { token: 'secret' } }, 'after');
    await fastify.close();

    expect(response.headers['x-request-id']).toBe('req-1');
    const lines = chunks.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    const [completed, after] = lines;
    expect(Object.keys(completed)).toEqual(['level', 'time', 'service', 'request_id', 'method', 'url', 'status', 'duration_ms', 'msg']);
    expect(completed).toMatchObject({ level: 'info', service: 'widget-shop', request_id: 'req-1', method: 'GET', url: '/widgets/w-1?token=abc', status: 200, msg: 'request completed' });
    expect(typeof completed.duration_ms).toBe('number');
    expect(Date.parse(completed.time as string)).not.toBeNaN();
    expect(after).toMatchObject({ authorization: '[redacted]', nested: { token: '[redacted]' }, msg: 'after' });
  });
});

describe('markAnsweredByAnotherService', () => {
  it("writes the request's line at debug: the service that answered logs it at info", async () => {
    const lines = async (level: 'info' | 'debug') => {
      const chunks: string[] = [];
      const destination = new Writable({ write: (chunk, _encoding, done) => (chunks.push(String(chunk)), done()) });
      const fastify = Fastify({ genReqId: () => 'req-2' });
      installRequestHooks(fastify, createLogger({ service: 'gateway', level, destination }));
      fastify.get('/proxied', async (request) => {
        markAnsweredByAnotherService(request);
        return { ok: true };
      });
      fastify.get('/own', async () => ({ ok: true }));
      await fastify.inject({ method: 'GET', url: '/proxied' });
      await fastify.inject({ method: 'GET', url: '/own' });
      await fastify.close();
      return chunks.map((chunk) => JSON.parse(chunk) as { level: string; url: string });
    };
    expect((await lines('info')).map((line) => [line.level, line.url])).toEqual([['info', '/own']]);
    expect((await lines('debug')).map((line) => [line.level, line.url])).toEqual([
      ['debug', '/proxied'],
      ['info', '/own'],
    ]);
  });
});

describe('installRequestHooks on a server that records its own request spans', () => {
  const exporter = inMemoryTracing();

  it("keeps the request's id and trace in the handler (also after its body arrived) and on the request completed line, even when the response ends from another context", async () => {
    const chunks: string[] = [];
    const destination = new Writable({ write: (chunk, _encoding, done) => (chunks.push(String(chunk)), done()) });
    const logger = createLogger({ service: 'widget-shop', destination });
    let id = 0;
    const fastify = Fastify({ genReqId: () => `req-${(id += 1)}`, serverFactory: tracedServerFactory as FastifyServerFactory });
    installRequestHooks(fastify, logger);
    fastify.get('/widgets', async () => {
      logger.info('listing');
      return [];
    });
    fastify.post('/widgets', async () => {
      logger.info('creating');
      return { ok: true };
    });
    // A streamed body that a timer of no request's context ends: the response finishes in that context.
    const streams: Readable[] = [];
    const ender = setInterval(() => streams.splice(0).forEach((stream) => stream.push(null)), 5);
    fastify.get('/widgets/export', (_request, reply) => {
      const stream = new Readable({ read: () => undefined });
      stream.push('[]');
      streams.push(stream);
      return reply.type('application/json').send(stream);
    });
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(fastify.server.address() as AddressInfo).port}/widgets`;
    try {
      expect((await fetch(url)).status).toBe(200);
      expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"w"}' })).status).toBe(200);
      expect(await (await fetch(`${url}/export`)).text()).toBe('[]');
    } finally {
      clearInterval(ender);
      await fastify.close();
    }
    const lines = chunks.map((chunk) => JSON.parse(chunk) as Record<string, string>);
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => span.name)).toEqual(['GET', 'POST', 'GET']);
    const [get, post, exported] = spans.map((span) => ({ trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId }));
    expect(lines.map(({ msg, request_id, trace_id, span_id }) => ({ msg, request_id, trace_id, span_id }))).toEqual([
      { msg: 'listing', request_id: 'req-1', ...get },
      { msg: 'request completed', request_id: 'req-1', ...get },
      { msg: 'creating', request_id: 'req-2', ...post },
      { msg: 'request completed', request_id: 'req-2', ...post },
      { msg: 'request completed', request_id: 'req-3', ...exported },
    ]);
  });
});
