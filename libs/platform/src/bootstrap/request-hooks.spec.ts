import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { createLogger } from '../logging/create-logger';
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
