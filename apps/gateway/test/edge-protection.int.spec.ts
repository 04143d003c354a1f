import type { ServiceApp } from '@marketplace/platform';
import { TestTokenIssuer } from '@marketplace/auth';
import { describeEachBackend, testInfrastructure } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import { closedPortUrl, UpstreamServer } from './support/upstream-server';
import { startTestGateway } from './support/test-gateway';

describe('gateway edge protection', () => {
  let upstream: UpstreamServer;
  let gateway: ServiceApp;

  beforeAll(async () => {
    upstream = await UpstreamServer.start();
    gateway = await startTestGateway(upstream.url, { CORS_ORIGINS: 'https://shop.example.com, http://localhost:5173', BODY_LIMIT_BYTES: '1024', IMAGE_UPLOAD_LIMIT_BYTES: '4096' });
  });

  afterAll(async () => {
    await gateway?.app.close();
    await upstream?.close();
  });

  it('allows CORS only for listed origins, with credentials', async () => {
    const allowed = await gateway.app.inject({ method: 'GET', url: '/api/v1/categories', headers: { origin: 'https://shop.example.com' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://shop.example.com');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const denied = await gateway.app.inject({ method: 'GET', url: '/api/v1/categories', headers: { origin: 'https://evil.example.com' } });
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a preflight from a listed origin itself, without calling a service', async () => {
    const before = upstream.received.length;
    const preflight = await gateway.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/orders',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
    expect(upstream.received.length).toBe(before);
  });

  it('sets security headers for a JSON API on proxied and own routes, and hides the server', async () => {
    for (const url of ['/api/v1/categories', '/health']) {
      const { headers } = await gateway.app.inject({ method: 'GET', url });
      expect(headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['strict-transport-security']).toContain('max-age=');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['x-powered-by']).toBeUndefined();
    }
  });

  it('answers a body over the limit with 413 in the standard format, without calling a service', async () => {
    const before = upstream.received.length;
    const response = await gateway.app.inject({ method: 'POST', url: '/api/v1/webhooks/stripe', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ pad: 'x'.repeat(2000) }) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'payload_too_large', request_id: response.headers['x-request-id'] });
    expect(upstream.received.length).toBe(before);
  });

  it('lets an image upload to the local store through up to its own limit, and no further', async () => {
    const put = (bytes: number) =>
      gateway.app.inject({ method: 'PUT', url: '/api/v1/images/products/p-1/i-1/original?expires=1&signature=x', headers: { 'content-type': 'image/png' }, payload: Buffer.alloc(bytes, 1) });
    const before = upstream.received.length;
    expect((await put(3000)).statusCode).not.toBe(413);
    expect(upstream.received.length).toBe(before + 1);
    const tooLarge = await put(5000);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe('payload_too_large');
    expect(upstream.received.length).toBe(before + 1);
  });

  it('refuses a wildcard or a path in CORS_ORIGINS at startup', async () => {
    await expect(startTestGateway(upstream.url, { CORS_ORIGINS: '*' })).rejects.toThrow(/CORS_ORIGINS/);
    await expect(startTestGateway(upstream.url, { CORS_ORIGINS: 'https://a.example.com/' })).rejects.toThrow(/CORS_ORIGINS/);
  });
});

describe('gateway rate limits with Redis unreachable', () => {
  let upstream: UpstreamServer;
  let gateway: ServiceApp;

  beforeAll(async () => {
    upstream = await UpstreamServer.start();
    gateway = await startTestGateway(upstream.url, { REDIS_URL: (await closedPortUrl()).replace('http', 'redis'), RATE_LIMIT_IP_MAX: '1' });
  });

  afterAll(async () => {
    await gateway?.app.close();
    await upstream?.close();
  });

  it('lets requests through rather than failing them, and reports Redis as not ready', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect((await gateway.app.inject({ method: 'GET', url: '/api/v1/categories' })).statusCode).toBe(200);
    }
    const ready = await gateway.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error.details.map((d: { field: string }) => d.field)).toEqual(['redis']);
  });
});

const infra = testInfrastructure();

describeEachBackend(
  'gateway rate limits',
  [
    { name: 'memory', resolve: () => ({}) },
    { name: 'redis', resolve: () => (infra.redisUrl ? { REDIS_URL: infra.redisUrl } : { skip: 'TEST_REDIS_URL is not set' }) },
  ],
  (backend) => {
    let issuer: TestTokenIssuer;
    let upstream: UpstreamServer;
    const gateways: ServiceApp[] = [];

    beforeAll(async () => {
      issuer = await TestTokenIssuer.start();
      upstream = await UpstreamServer.start();
      upstream.handler = (request, response) => {
        if (request.url === '/auth/jwks.json') response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: issuer.jwks.keys }));
        else response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      };
    });

    afterAll(async () => {
      for (const gateway of gateways) await gateway.app.close();
      await upstream?.close();
      await issuer?.jwks.close();
    });

    /** A gateway with its own counters: a fresh key prefix is not needed in memory, and in Redis ids are unique per test. */
    async function gatewayWith(env: Record<string, string>): Promise<ServiceApp> {
      const gateway = await startTestGateway(upstream.url, { ...backend(), RATE_LIMIT_WINDOW_MS: '60000', ...env });
      gateways.push(gateway);
      return gateway;
    }

    it('limits requests per IP address: 429 in the standard format with Retry-After', async () => {
      const gateway = await gatewayWith({ RATE_LIMIT_IP_MAX: '3' });
      const ip = `10.${randomOctet()}.${randomOctet()}.${randomOctet()}`;
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 4; i += 1) {
        last = await gateway.app.inject({ method: 'GET', url: '/api/v1/categories', remoteAddress: ip });
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(last?.json().error).toMatchObject({ code: 'rate_limited', request_id: last?.headers['x-request-id'] });
      const retryAfter = Number(last?.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // Another address still has its own budget; probes are never limited.
      expect((await gateway.app.inject({ method: 'GET', url: '/api/v1/categories', remoteAddress: `${ip}0` })).statusCode).toBe(200);
      expect((await gateway.app.inject({ method: 'GET', url: '/health', remoteAddress: ip })).statusCode).toBe(200);
    });

    it('limits requests per user across addresses, keyed by the token subject', async () => {
      const gateway = await gatewayWith({ RATE_LIMIT_USER_MAX: '2' });
      const user = await issuer.sign({ sub: randomUUID() });
      const other = await issuer.sign({ sub: randomUUID() });
      const call = (token: string) =>
        gateway.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` }, remoteAddress: `10.9.${randomOctet()}.${randomOctet()}` });
      expect([(await call(user)).statusCode, (await call(user)).statusCode]).toEqual([200, 200]);
      const limited = await call(user);
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await call(other)).statusCode).toBe(200);
    });
  },
);

function randomOctet(): number {
  return Math.floor(Math.random() * 250) + 1;
}
