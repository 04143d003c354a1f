import { Body, Controller, Get, Inject, Module, Param, Post, Query } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@marketplace/testing';
import type { Knex } from 'knex';
import { createZodDto } from 'nestjs-zod';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { z } from 'zod';
import { ConflictError, createLogger, createServiceApp, dataServiceConfigSchema, KNEX, parseConfig, PlatformModule, type ServiceApp } from '../src';

const widgetSchema = z.object({ name: z.string().min(1), quantity: z.number().int().positive() });

@Controller('widgets')
class WidgetController {
  constructor(@Inject(KNEX) private readonly db: Knex) {}

  @Post()
  async create(@Body() body: unknown): Promise<{ id: number }> {
    const widget = widgetSchema.parse(body);
    const [row] = await this.db('widgets').insert(widget).returning<{ id: number }[]>('id');
    if (!row) throw new Error('insert returned no row');
    return { id: row.id };
  }

  @Get('conflict')
  conflict(): never {
    throw new ConflictError('widget exists', { code: 'widget_exists' });
  }

  @Get('boom')
  boom(): never {
    throw new Error('secret internals: password=hunter2');
  }
}

class CreateGadgetDto extends createZodDto(z.strictObject({ name: z.string().min(1).max(40), size: z.number().int().positive() })) {}
class ListGadgetsQueryDto extends createZodDto(z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) })) {}
class GadgetParamsDto extends createZodDto(z.object({ id: z.uuid() })) {}

/** Validated by the platform's global pipe from zod DTOs alone: the handlers never parse. */
@Controller('gadgets')
class GadgetController {
  @Post()
  create(@Body() body: CreateGadgetDto): CreateGadgetDto {
    return body;
  }

  @Get()
  list(@Query() query: ListGadgetsQueryDto): ListGadgetsQueryDto {
    return query;
  }

  @Get(':id')
  get(@Param() params: GadgetParamsDto): GadgetParamsDto {
    return params;
  }
}

@Module({
  imports: [
    PlatformModule.forRoot({
      database: {
        migrations: [{ name: '001-widgets', up: (db) => db.schema.createTable('widgets', (t) => (t.increments('id'), t.text('name'), t.integer('quantity'))) }],
      },
      bus: true,
    }),
  ],
  controllers: [WidgetController, GadgetController],
})
class WidgetModule {}

/** Collects the JSON log lines the service writes. */
function logSink(): { stream: Writable; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { stream, lines };
}

describe('a service app on real PostgreSQL', () => {
  let database: TestDatabase;
  let service: ServiceApp;
  const logs = logSink();

  beforeAll(async () => {
    database = await createTestDatabase('platform');
    const config = parseConfig(dataServiceConfigSchema, { SERVICE_NAME: 'widget-shop', PORT: '0', DATABASE_URL: database.url, BODY_LIMIT_BYTES: '1024' });
    const logger = createLogger({ service: 'widget-shop', level: 'info', destination: logs.stream });
    service = await createServiceApp(WidgetModule, config, logger);
  });

  afterAll(async () => {
    await service?.app.close();
    await database?.drop();
  });

  const request = (options: Parameters<ServiceApp['app']['inject']>[0]) => service.app.inject(options);

  it('answers /health', async () => {
    const response = await request({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('is ready when its database and bus answer', async () => {
    const response = await request({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', checks: { database: 'ok', bus: 'ok' } });
  });

  it('created its own schema and applied its migrations there', async () => {
    const response = await request({ method: 'POST', url: '/widgets', payload: { name: 'bolt', quantity: 3 } });
    expect(response.statusCode).toBe(201);
    const db = service.app.get<Knex>(KNEX);
    const rows = await db.raw("select table_schema from information_schema.tables where table_name = 'widgets'");
    expect(rows.rows).toEqual([{ table_schema: 'widget_shop' }]);
  });

  it('serves Prometheus metrics, with the requests it served', async () => {
    const response = await request({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toContain('process_cpu_user_seconds_total');
    expect(response.body).toMatch(/http_server_request_duration_seconds_count\{[^}]*route="\/health"[^}]*status="200"\}/);
  });

  it('echoes the caller request id and uses it in the error body and the logs', async () => {
    const response = await request({ method: 'GET', url: '/nowhere', headers: { 'x-request-id': 'abc-123' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['x-request-id']).toBe('abc-123');
    expect(response.json().error).toMatchObject({ code: 'not_found', request_id: 'abc-123', details: [] });
    expect(logs.lines).toContainEqual(expect.objectContaining({ service: 'widget-shop', request_id: 'abc-123', status: 404, msg: 'request completed' }));
  });

  it('answers invalid JSON with 400 in the standard format', async () => {
    const response = await request({ method: 'POST', url: '/widgets', headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error).toMatchObject({ code: 'bad_request', request_id: response.headers['x-request-id'] });
    expect(Date.parse(error.timestamp)).not.toBeNaN();
  });

  it('answers a body that fails validation with 400 naming the fields', async () => {
    const response = await request({ method: 'POST', url: '/widgets', payload: { name: '', quantity: -1 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toEqual(['name', 'quantity']);
  });

  it('answers an unsupported content type with 415 and a too large body with 413', async () => {
    const textBody = await request({ method: 'POST', url: '/widgets', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
    expect(textBody.statusCode).toBe(415);
    expect(textBody.json().error.code).toBe('unsupported_media_type');
    const tooLarge = await request({ method: 'POST', url: '/widgets', payload: { name: 'x'.repeat(2000), quantity: 1 } });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe('payload_too_large');
  });

  it('maps an AppError to its status and code', async () => {
    const response = await request({ method: 'GET', url: '/widgets/conflict' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'widget_exists', message: 'widget exists' });
  });

  it('answers an unexpected error with a generic 500, logging it with its stack', async () => {
    const response = await request({ method: 'GET', url: '/widgets/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.json().error).toMatchObject({ code: 'internal_error', message: 'An unexpected error occurred.' });
    expect(response.body).not.toContain('hunter2');
    const logged = logs.lines.find((line) => line.msg === 'unexpected error while serving a request');
    expect((logged?.err as { stack?: string })?.stack).toContain('secret internals');
  });

  describe('zod DTOs', () => {
    const fields = (response: Awaited<ReturnType<typeof request>>) => response.json().error.details.map((d: { field: string }) => d.field);

    it('pass a valid body, query and params to the handler, parsed', async () => {
      const created = await request({ method: 'POST', url: '/gadgets', payload: { name: 'gizmo', size: 3 } });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toEqual({ name: 'gizmo', size: 3 });
      const listed = await request({ method: 'GET', url: '/gadgets?limit=5' });
      expect(listed.json()).toEqual({ limit: 5 });
      expect((await request({ method: 'GET', url: '/gadgets' })).json()).toEqual({ limit: 20 });
      const id = '3f0c9d1e-4b7a-4c5e-9f2d-1a2b3c4d5e6f';
      expect((await request({ method: 'GET', url: `/gadgets/${id}` })).json()).toEqual({ id });
    });

    it('answer a body of the wrong shape with 400 naming each field', async () => {
      const response = await request({ method: 'POST', url: '/gadgets', payload: { name: 7, size: 1.5 } });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation_failed', request_id: response.headers['x-request-id'] });
      expect(fields(response)).toEqual(['name', 'size']);
    });

    it('reject unknown fields of a strict schema, naming them', async () => {
      const response = await request({ method: 'POST', url: '/gadgets', payload: { name: 'gizmo', size: 1, role: 'admin' } });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([{ field: 'role', message: 'Unknown field.' }]);
    });

    it('validate queries and params too', async () => {
      const badQuery = await request({ method: 'GET', url: '/gadgets?limit=lots' });
      expect(badQuery.statusCode).toBe(400);
      expect(fields(badQuery)).toEqual(['limit']);
      const badParam = await request({ method: 'GET', url: '/gadgets/not-a-uuid' });
      expect(badParam.statusCode).toBe(400);
      expect(fields(badParam)).toEqual(['id']);
    });

    it('answer a missing body with 400, not 500', async () => {
      const response = await request({ method: 'POST', url: '/gadgets' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    });
  });

  describe('GET /openapi.json', () => {
    let document: unknown;
    /** The value at a path in the parsed document. */
    const at = (...keys: string[]): unknown => keys.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], document);

    beforeAll(async () => {
      const response = await request({ method: 'GET', url: '/openapi.json' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      document = response.json();
    });

    it('is an OpenAPI 3 document titled with the service name, with a bearer security scheme required by default', () => {
      expect(at('openapi')).toMatch(/^3\./);
      expect(at('info', 'title')).toBe('widget-shop');
      expect(at('components', 'securitySchemes', 'bearer')).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
      expect(at('security')).toEqual([{ bearer: [] }]);
    });

    it('describes the zod DTOs that validate the requests', () => {
      const body = at('paths', '/gadgets', 'post', 'requestBody', 'content', 'application/json', 'schema') as { $ref?: string };
      const schema = body.$ref ? at('components', 'schemas', body.$ref.split('/').pop() ?? '') : body;
      expect(schema).toMatchObject({
        type: 'object',
        required: ['name', 'size'],
        additionalProperties: false,
        properties: { name: { type: 'string', minLength: 1, maxLength: 40 }, size: { type: 'integer' } },
      });
      expect(at('paths', '/gadgets', 'get', 'parameters')).toContainEqual(expect.objectContaining({ name: 'limit', in: 'query' }));
      expect(at('paths', '/gadgets/{id}', 'get', 'parameters')).toContainEqual(expect.objectContaining({ name: 'id', in: 'path', required: true }));
    });

    it('marks the public platform routes as needing no token', () => {
      for (const path of ['/health', '/ready', '/metrics']) expect(at('paths', path, 'get', 'security')).toEqual([{}]);
    });
  });

  describe('requests the HTTP parser refuses', () => {
    let port: number;

    beforeAll(async () => {
      await service.app.listen(0, '127.0.0.1');
      port = (service.app.getHttpServer().address() as AddressInfo).port;
    });

    /** Raw bytes over a socket: fetch and inject never send what the parser refuses. */
    const send = (raw: string) =>
      new Promise<{ status: number; headers: string; body: { error: Record<string, unknown> } }>((resolve, reject) => {
        let answer = '';
        const done = () => {
          const [head = '', body = ''] = answer.split('\r\n\r\n');
          resolve({ status: Number(head.split(' ')[1]), headers: head, body: JSON.parse(body) });
        };
        const socket = connect(port, '127.0.0.1', () => socket.write(raw));
        socket.on('data', (chunk) => (answer += chunk));
        socket.on('close', done);
        socket.on('error', (error) => (answer ? undefined : reject(error)));
      });

    it('answers a 20,000-character query string with 431 in the standard format', async () => {
      const answer = await send(`GET /health?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: shop\r\n\r\n`);
      expect(answer.status).toBe(431);
      expect(answer.headers).toMatch(/content-type: application\/json/i);
      expect(answer.body.error).toMatchObject({ code: 'request_header_fields_too_large', details: [], request_id: expect.any(String), timestamp: expect.any(String) });
    });

    it('answers a request that is not HTTP with 400 in the standard format', async () => {
      const answer = await send('HELLO THERE\r\n\r\n');
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'bad_request', message: 'The request is not valid HTTP.' });
    });
  });

  it('is not ready, naming the database, once its database is gone', async () => {
    await database.drop();
    const response = await request({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(503);
    const { error } = response.json();
    expect(error.code).toBe('not_ready');
    expect(error.details.map((d: { field: string }) => d.field)).toContain('database');
  });
});
