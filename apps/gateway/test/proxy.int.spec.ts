import type { ServiceApp } from '@marketplace/platform';
import { request } from 'node:http';
import { TestTokenIssuer } from '@marketplace/auth';
import { closedPortUrl, echo, UpstreamServer, type UpstreamHandler } from './support/upstream-server';
import { startTestGateway } from './support/test-gateway';

describe('gateway /api/v1 proxy', () => {
  let issuer: TestTokenIssuer;
  let identity: UpstreamServer;
  let catalog: UpstreamServer;
  let gateway: ServiceApp;
  let token: string;

  /** identity also serves the key set the gateway verifies tokens with. */
  const withJwks =
    (handler: UpstreamHandler): UpstreamHandler =>
    (request, response) => {
      if (request.url === '/auth/jwks.json') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: issuer.jwks.keys }));
      } else handler(request, response);
    };

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    identity = await UpstreamServer.start();
    catalog = await UpstreamServer.start();
    identity.handler = withJwks(echo);
    gateway = await startTestGateway(catalog.url, { IDENTITY_URL: identity.url, UPSTREAM_TIMEOUT_MS: '300', UPSTREAM_CONNECT_TIMEOUT_MS: '300', JWKS_REFETCH_COOLDOWN_MS: '1' });
    await gateway.app.listen({ port: 0, host: '127.0.0.1' });
    token = await issuer.sign({ sub: 'user-1' });
  });

  afterAll(async () => {
    await gateway?.app.close();
    await identity?.close();
    await catalog?.close();
    await issuer?.jwks.close();
  });

  afterEach(() => {
    identity.handler = withJwks(echo);
    catalog.handler = echo;
  });

  it('passes method, service-local path, query, body and headers to the owning service', async () => {
    const body = '{"name":"Café ☕","n":1}';
    const response = await gateway.app.inject({
      method: 'PATCH',
      url: '/api/v1/products/p-1?expand=stock&x=%20y',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-custom': 'kept', 'x-request-id': 'req-abc' },
      payload: body,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ method: 'PATCH', url: '/products/p-1?expand=stock&x=%20y', body });
    expect(response.headers['x-upstream']).toBe('yes');
    expect(response.headers['x-request-id']).toBe('req-abc');
    const received = catalog.last();
    expect(received.headers).toMatchObject({ authorization: `Bearer ${token}`, 'x-custom': 'kept', 'x-request-id': 'req-abc', 'content-type': 'application/json' });
    expect(received.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('routes each prefix to its service, longest prefix first', async () => {
    await gateway.app.inject({ method: 'GET', url: '/api/v1/admin/seller-applications', headers: { authorization: `Bearer ${token}` } });
    expect(identity.last().url).toBe('/admin/seller-applications');
    const catalogCount = catalog.received.length;
    const response = await gateway.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(response.json().url).toBe('/me');
    expect(catalog.received.length).toBe(catalogCount);
  });

  it('sends a fresh request id to the service and echoes it when the client sent none', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/api/v1/categories' });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(catalog.last().headers['x-request-id']).toBe(response.headers['x-request-id']);
  });

  it('strips forged x-user-* and x-forwarded-* headers and sets its own forwarding headers', async () => {
    await gateway.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}`, 'x-user-id': 'admin-1', 'x-user-roles': 'admin', 'x-forwarded-for': '6.6.6.6', forwarded: 'for=6.6.6.6', connection: 'keep-alive, x-secret', 'x-secret': 's' },
    });
    const { headers } = identity.last();
    expect(Object.keys(headers).filter((name) => name.startsWith('x-user-'))).toEqual([]);
    expect(headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(headers['x-forwarded-proto']).toBe('http');
    expect(headers.forwarded).toBeUndefined();
    expect(headers['x-secret']).toBeUndefined();
  });

  it('answers an unknown /api/v1 prefix and a dot-segment path with 404 in the standard format, without calling a service', async () => {
    const before = catalog.received.length + identity.received.length;
    const base = await gateway.app.getUrl();
    // Sent raw: HTTP clients (and inject) would resolve the dot segments before sending.
    for (const path of ['/api/v1/unknown/thing', '/api/v1', '/api/v1/auth/../admin/seller-applications', '/api/v1/products/%2e%2E/x']) {
      const response = await rawGet(base, path, { authorization: `Bearer ${token}` });
      expect([path, response.status]).toEqual([path, 404]);
      expect(response.body.error).toMatchObject({ code: 'not_found', request_id: response.requestId });
    }
    expect(catalog.received.length + identity.received.length).toBe(before);
  });

  it('passes the service status and error body through unchanged', async () => {
    catalog.handler = (_request, response) => response.writeHead(409, { 'content-type': 'application/json' }).end('{"error":{"code":"conflict"}}');
    const response = await gateway.app.inject({ method: 'POST', url: '/api/v1/products', headers: { authorization: `Bearer ${token}` }, payload: {} });
    expect(response.statusCode).toBe(409);
    expect(response.body).toBe('{"error":{"code":"conflict"}}');
  });

  describe('token check at the edge', () => {
    it('rejects a protected route without a token, with a malformed header, or with forged tokens: 401, service not called', async () => {
      const before = identity.received.length;
      const forged = [
        undefined,
        'Basic dXNlcjpwYXNz',
        'Bearer not-a-jwt',
        `Bearer ${issuer.forgeUnsigned({ sub: 'user-1' })}`,
        `Bearer ${await issuer.forgeHmacWithPublicKey({ sub: 'user-1' })}`,
        `Bearer ${await issuer.sign({ exp: Math.floor(Date.now() / 1000) - 3600, iat: Math.floor(Date.now() / 1000) - 7200 })}`,
        `Bearer ${await issuer.sign({ iss: 'someone-else' })}`,
        `Bearer ${await issuer.sign({ aud: 'another-api' })}`,
      ];
      for (const authorization of forged) {
        const response = await gateway.app.inject({ method: 'GET', url: '/api/v1/me', headers: authorization ? { authorization } : {} });
        expect(response.statusCode).toBe(401);
        expect(response.json().error.code).toBe('unauthenticated');
      }
      expect(identity.received.length).toBe(before);
    });

    it("accepts a token signed with identity's new key after a rotation (the key set is refetched for the unknown kid)", async () => {
      await issuer.rotate();
      const rotated = await issuer.sign({ sub: 'user-2' });
      const response = await gateway.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${rotated}` } });
      expect(response.statusCode).toBe(200);
      expect(identity.last().headers.authorization).toBe(`Bearer ${rotated}`);
      // Tokens signed with the previous key stay valid while it is still published.
      expect((await gateway.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    });

    it('lets public routes through without a token', async () => {
      for (const [method, url] of [
        ['POST', '/api/v1/auth/login'],
        ['POST', '/api/v1/auth/register'],
        ['GET', '/api/v1/auth/jwks.json'],
        ['GET', '/api/v1/products/p-1/reviews'],
        ['GET', '/api/v1/search?q=lamp'],
        ['POST', '/api/v1/webhooks/stripe'],
      ] as const) {
        expect((await gateway.app.inject({ method, url, payload: method === 'POST' ? {} : undefined })).statusCode).toBe(200);
      }
      expect((await gateway.app.inject({ method: 'POST', url: '/api/v1/products', payload: {} })).statusCode).toBe(401);
    });
  });

  describe('failing services', () => {
    it('answers 503 dependency_unavailable when the service is down', async () => {
      const down = await startTestGateway(await closedPortUrl());
      try {
        const response = await down.app.inject({ method: 'GET', url: '/api/v1/categories' });
        expect(response.statusCode).toBe(503);
        expect(response.json().error).toMatchObject({ code: 'dependency_unavailable', message: 'The catalog service is unavailable.' });
      } finally {
        await down.app.close();
      }
    });

    it('answers 504 upstream_timeout when the service does not answer in time', async () => {
      catalog.handler = (_request, response) => setTimeout(() => response.end('late'), 1500).unref();
      const started = Date.now();
      const response = await gateway.app.inject({ method: 'GET', url: '/api/v1/categories' });
      expect(response.statusCode).toBe(504);
      expect(response.json().error.code).toBe('upstream_timeout');
      expect(Date.now() - started).toBeLessThan(1400);
    });
  });

  describe('bodies', () => {
    it('passes a small body of announced length on whole, and a large one streamed, byte for byte, with its headers', async () => {
      for (const size of [10, 64 * 1024, 64 * 1024 + 1, 300 * 1024]) {
        const body = Buffer.alloc(size, 'x');
        body.write(`${size}:`);
        catalog.handler = (_request, response) => response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size, etag: '"e-1"' }).end(body);
        const response = await fetch(`${await gateway.app.getUrl()}/api/v1/categories`);
        expect([size, response.status, response.headers.get('etag'), response.headers.get('content-length')]).toEqual([size, 200, '"e-1"', String(size)]);
        expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
      }
    });

    it('answers 504 upstream_timeout when a small body stops arriving, before anything reached the client', async () => {
      catalog.handler = (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': 100 });
        response.write('{"partial":');
      };
      const response = await gateway.app.inject({ method: 'GET', url: '/api/v1/categories' });
      expect(response.statusCode).toBe(504);
      expect(response.json().error).toMatchObject({ code: 'upstream_timeout', message: 'The catalog service stopped sending its response.' });
    });

    it('answers a HEAD with the head only', async () => {
      catalog.handler = (_request, response) => response.writeHead(200, { 'content-type': 'application/json', 'content-length': 42 }).end();
      const response = await fetch(`${await gateway.app.getUrl()}/api/v1/categories`, { method: 'HEAD' });
      expect([response.status, response.headers.get('content-length')]).toEqual([200, '42']);
      expect((await response.arrayBuffer()).byteLength).toBe(0);
    });
  });

  it("logs at info the answers it gives itself, and at debug those a service gave (which that service logs)", async () => {
    const lines: { level: string; status: number; msg: string }[] = [];
    const logged = await startTestGateway(catalog.url, { IDENTITY_URL: identity.url }, { write: (line: string) => lines.push(JSON.parse(line)) });
    try {
      expect((await logged.app.inject({ method: 'GET', url: '/api/v1/categories' })).statusCode).toBe(200);
      expect((await logged.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
      expect((await logged.app.inject({ method: 'GET', url: '/api/v1/unknown' })).statusCode).toBe(404);
    } finally {
      await logged.app.close();
    }
    expect(lines.filter((line) => line.msg === 'request completed').map((line) => [line.level, line.status])).toEqual([
      ['info', 401],
      ['info', 404],
    ]);
  });

  it('cancels the request to the service when the client goes away, before and during the response', async () => {
    const patient = await startTestGateway(catalog.url, { IDENTITY_URL: identity.url, UPSTREAM_TIMEOUT_MS: '10000' });
    try {
      await patient.app.listen({ port: 0, host: '127.0.0.1' });
      const base = await patient.app.getUrl();
      const upstreamClosed = (respond: boolean) =>
        new Promise<number>((resolve) => {
          catalog.handler = (_request, response) => {
            response.once('close', () => resolve(Date.now()));
            if (respond) response.writeHead(200, { 'content-type': 'text/event-stream' }).write('data: a\n\n');
          };
        });
      // Before the response headers: cancelled soon, not when the 10 s timeout would end it.
      const beforeHeaders = upstreamClosed(false);
      const early = new AbortController();
      const pending = fetch(`${base}/api/v1/categories`, { signal: early.signal }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const abortedAt = Date.now();
      early.abort();
      await pending;
      expect((await beforeHeaders) - abortedAt).toBeLessThan(3000);
      // While an event stream is open:
      const whileStreaming = upstreamClosed(true);
      const late = new AbortController();
      const response = await fetch(`${base}/api/v1/categories`, { signal: late.signal });
      await response.body?.getReader().read();
      late.abort();
      await whileStreaming;
    } finally {
      await patient.app.close();
    }
  });

  it('streams server-sent events through as they are written, without buffering', async () => {
    let finish: () => void = () => undefined;
    catalog.handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.write('data: first\n\n');
      finish = () => response.end('data: last\n\n');
    };
    const response = await fetch(`${await gateway.app.getUrl()}/api/v1/notifications/stream`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    if (!response.body) throw new Error('expected a streamed body');
    const reader = response.body.getReader();
    // The first event arrives while the service still holds the stream open, and after the 300 ms timeout.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const first = await reader.read();
    expect(Buffer.from(first.value ?? []).toString()).toBe('data: first\n\n');
    finish();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += Buffer.from(chunk.value).toString();
    expect(rest).toBe('data: last\n\n');
  });
});

/** A GET whose path is sent exactly as given. */
function rawGet(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; requestId: unknown; body: { error: unknown } }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(base), { path, headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, requestId: response.headers['x-request-id'], body: JSON.parse(text) }));
    });
    req.once('error', reject);
    req.end();
  });
}
