import type { ServiceApp } from '@marketplace/platform';
import { closedPortUrl, UpstreamServer } from './support/upstream-server';
import { startTestGateway } from './support/test-gateway';

/** A small document of the shape @nestjs/swagger produces. */
function serviceDocument(path: string, schemaName: string, schema: object) {
  return {
    openapi: '3.0.0',
    info: { title: 'service', version: '1' },
    paths: { [path]: { post: { operationId: `post_${schemaName}`, requestBody: { content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaName}` } } } }, responses: {} } } },
    components: { schemas: { [schemaName]: schema, Error: { type: 'object', properties: { code: { type: 'string' } } } } },
  };
}

describe('gateway /openapi.json and /docs', () => {
  let identity: UpstreamServer;
  let catalog: UpstreamServer;
  let gateway: ServiceApp;

  beforeAll(async () => {
    identity = await UpstreamServer.start();
    catalog = await UpstreamServer.start();
    identity.handler = (_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(serviceDocument('/auth/login', 'Login', { type: 'object', properties: { email: { type: 'string' } } })));
    // catalog also names a schema `Login`, differently: it must not overwrite identity's.
    catalog.handler = (_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(serviceDocument('/products', 'Login', { type: 'object', properties: { sku: { type: 'string' } } })));
    const down = await closedPortUrl();
    gateway = await startTestGateway(down, { IDENTITY_URL: identity.url, CATALOG_URL: catalog.url, OPENAPI_CACHE_TTL_MS: '60000' });
  });

  afterAll(async () => {
    await gateway?.app.close();
    await identity?.close();
    await catalog?.close();
  });

  it("merges the services' documents under /api/v1, tagged by service, leaving out those that are down", async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(Object.keys(document.paths).sort()).toEqual(['/api/v1/auth/login', '/api/v1/products']);
    expect(document.paths['/api/v1/auth/login'].post.tags).toEqual(['identity']);
    expect(document.paths['/api/v1/products'].post.tags).toEqual(['catalog']);
    expect(document.tags.map((tag: { name: string }) => tag.name)).toEqual(['identity', 'catalog']);
    expect(document['x-unavailable-services'].map((s: { service: string }) => s.service)).toEqual(['orders', 'payments', 'search', 'notifications', 'ops']);
    expect(document.info.description).toContain('orders (unreachable');
  });

  it('keeps both of two different components with one name, with references following the rename', async () => {
    const document = (await gateway.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(document.components.schemas.Login.properties).toHaveProperty('email');
    expect(document.components.schemas.catalog_Login.properties).toHaveProperty('sku');
    expect(document.paths['/api/v1/products'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/catalog_Login');
    expect(document.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/Login');
    // Identical components are shared, not duplicated.
    expect(Object.keys(document.components.schemas).sort()).toEqual(['Error', 'Login', 'catalog_Login']);
  });

  it('caches the merged document for its time to live', async () => {
    const before = identity.received.length;
    await gateway.app.inject({ method: 'GET', url: '/openapi.json' });
    await gateway.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(identity.received.length).toBe(before);
  });

  it('serves Swagger UI at /docs with its assets, under a policy that lets it run', async () => {
    const page = await gateway.app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('/docs/swagger-ui-bundle.js');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const init = await gateway.app.inject({ method: 'GET', url: '/docs/init.js' });
    expect(init.body).toContain("url: '/openapi.json'");
    const bundle = await gateway.app.inject({ method: 'GET', url: '/docs/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toContain('javascript');
    expect(bundle.body.length).toBeGreaterThan(100_000);
    const missing = await gateway.app.inject({ method: 'GET', url: '/docs/..%2f..%2fpackage.json' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
  });
});
