import Fastify from 'fastify';
import helmet from 'helmet';
import { API_CONTENT_SECURITY_POLICY } from './edge-protection';
import { helmetHeaders, registerSecurityHeaders } from './security-headers';

const OPTIONS = { contentSecurityPolicy: API_CONTENT_SECURITY_POLICY, frameguard: { action: 'deny' as const } };
const DOCS = { contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], scriptSrc: ["'self'"] } } };

/** What helmet's own middleware writes on a real response. */
async function writtenByHelmet(options: Parameters<typeof helmet>[0]): Promise<Record<string, unknown>> {
  const fastify = Fastify();
  fastify.get('/', (request, reply) => {
    helmet(options)(request.raw, reply.raw, () => undefined);
    return reply.send('ok');
  });
  const response = await fastify.inject({ method: 'GET', url: '/' });
  await fastify.close();
  return response.headers;
}

describe('security headers', () => {
  it("are exactly helmet's, computed once", async () => {
    const { set, removed } = helmetHeaders(OPTIONS);
    expect(Object.fromEntries(set.map(([name, value]) => [name.toLowerCase(), value]))).toEqual(
      Object.fromEntries(Object.entries(await writtenByHelmet(OPTIONS)).filter(([name]) => !['content-type', 'content-length', 'date', 'connection'].includes(name))),
    );
    expect(removed).toEqual(['X-Powered-By']);
  });

  it("are set on every route, and a route's config.helmet replaces parts of them", async () => {
    const fastify = Fastify();
    registerSecurityHeaders(fastify, OPTIONS);
    fastify.addHook('onRequest', async (request) => {
      if (request.url === '/refused') throw Object.assign(new Error('no'), { statusCode: 429 });
    });
    fastify.get('/api', () => 'ok');
    fastify.get('/docs', { config: { helmet: DOCS } }, () => 'ok');
    fastify.get('/refused', () => 'ok');
    const api = await fastify.inject({ method: 'GET', url: '/api' });
    const docs = await fastify.inject({ method: 'GET', url: '/docs' });
    const refused = await fastify.inject({ method: 'GET', url: '/refused' });
    await fastify.close();
    expect(api.headers).toMatchObject({ 'content-security-policy': "default-src 'none';frame-ancestors 'none'", 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff' });
    expect(api.headers['strict-transport-security']).toContain('max-age=');
    expect(docs.headers).toMatchObject({ 'content-security-policy': "default-src 'none';script-src 'self'", 'x-frame-options': 'DENY' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
  });
});
