import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_CONTENT_SECURITY_POLICY } from './edge-protection';
import { registerConsoleRoutes } from './console-routes';
import { registerSecurityHeaders } from './security-headers';

describe('console routes', () => {
  let directory: string;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'console-'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(directory, 'app.js'), 'console.log(1);');
    writeFileSync(join(directory, 'styles.css'), 'body{}');
    writeFileSync(join(directory, 'secret.json'), '{}');
    fastify = Fastify();
    registerSecurityHeaders(fastify, { contentSecurityPolicy: API_CONTENT_SECURITY_POLICY });
    registerConsoleRoutes(fastify, directory);
    fastify.get('/api', () => 'ok');
    await fastify.ready();
  });

  afterAll(async () => {
    await fastify.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('serves the page at /console and /console/ under a policy that runs only its own files', async () => {
    for (const url of ['/console', '/console/']) {
      const page = await fastify.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('<title>console</title>');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-security-policy']).toBe("default-src 'none';script-src 'self';style-src 'self';connect-src 'self';img-src 'self';form-action 'self';base-uri 'none';frame-ancestors 'none'");
    }
    expect((await fastify.inject({ method: 'GET', url: '/api' })).headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
  });

  it('serves its script and stylesheet with their types, and nothing else of the directory', async () => {
    const script = await fastify.inject({ method: 'GET', url: '/console/app.js' });
    expect(script).toMatchObject({ statusCode: 200, body: 'console.log(1);' });
    expect(script.headers['content-type']).toContain('javascript');
    expect((await fastify.inject({ method: 'GET', url: '/console/styles.css' })).headers['content-type']).toContain('text/css');
    for (const url of ['/console/secret.json', '/console/index.html', '/console/%2e%2e%2fpackage.json', '/console/nothing.js']) {
      expect((await fastify.inject({ method: 'GET', url })).statusCode).toBe(404);
    }
  });

  it('answers 404 for the console when it was not built', async () => {
    const bare = Fastify();
    registerConsoleRoutes(bare, join(directory, 'missing'));
    await bare.ready();
    expect((await bare.inject({ method: 'GET', url: '/console' })).statusCode).toBe(404);
    await bare.close();
  });
});
