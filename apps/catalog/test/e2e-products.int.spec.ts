import { BACKEND_SERVICES } from '@marketplace/platform';
import { createTestDatabase, ensureBuilt, ServiceCluster, testInfrastructure, type TestDatabase } from '@marketplace/testing';
import { randomBytes } from 'node:crypto';

// Builds, then starts three processes.
jest.setTimeout(240_000);

interface Answer {
  status: number;
  body: Record<string, unknown> & { error?: { code: string } };
}

/**
 * Identity, the catalog and the gateway as separate processes: the catalog checks the tokens identity
 * really issues (through its JWKS), and the roles they carry after a real seller approval.
 */
describe('catalog e2e: who may list and change products, through the gateway', () => {
  let database: TestDatabase;
  const clusters: ServiceCluster[] = [];
  let api: string;
  const admin = { email: `admin-${randomBytes(4).toString('hex')}@example.com`, password: `Admin-${randomBytes(12).toString('base64url')}` };

  async function request(method: string, path: string, options: { json?: unknown; token?: string } = {}): Promise<Answer> {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: { ...(options.json === undefined ? {} : { 'content-type': 'application/json' }), ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
      body: options.json === undefined ? undefined : JSON.stringify(options.json),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Answer['body']) : {} };
  }

  async function ok(expected: number, method: string, path: string, options: { json?: unknown; token?: string } = {}): Promise<Answer['body']> {
    const answer = await request(method, path, options);
    if (answer.status !== expected) throw new Error(`${method} ${path}: expected ${expected}, got ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  async function login(email: string, password: string): Promise<string> {
    return (await ok(200, 'POST', '/auth/login', { json: { email, password } })).accessToken as string;
  }

  async function signUp(): Promise<{ email: string; password: string; token: string }> {
    const tag = randomBytes(5).toString('hex');
    const credentials = { email: `user-${tag}@example.com`, password: `Correct-Horse-${randomBytes(9).toString('base64url')}`, name: `User ${tag}` };
    await ok(201, 'POST', '/auth/register', { json: credentials });
    return { ...credentials, token: await login(credentials.email, credentials.password) };
  }

  async function apply(token: string): Promise<string> {
    const tag = randomBytes(3).toString('hex');
    return (await ok(201, 'POST', '/sellers/applications', { token, json: { businessName: `Shop ${tag}`, contact: { email: `shop-${tag}@example.com` }, country: 'DE' } })).id as string;
  }

  /** Approved by the admin, then logged in again so that the token carries the seller role. */
  async function approvedSeller(adminToken: string): Promise<string> {
    const user = await signUp();
    await ok(200, 'POST', `/admin/seller-applications/${await apply(user.token)}/approve`, { token: adminToken, json: {} });
    return login(user.email, user.password);
  }

  beforeAll(async () => {
    await ensureBuilt();
    database = await createTestDatabase('e2e_catalog');
    const { kafkaBrokers } = testInfrastructure();
    const identity = await ServiceCluster.start({
      label: 'catalog-e2e-identity',
      databaseUrl: database.url,
      kafkaBrokers,
      backends: [{ app: 'identity', env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } }],
    });
    clusters.push(identity);
    const identityUrl = identity.url('identity');
    const rest = await ServiceCluster.start({
      label: 'catalog-e2e',
      databaseUrl: database.url,
      kafkaBrokers,
      backends: [{ app: 'catalog', env: { IDENTITY_URL: identityUrl } }],
      gateway: {
        absent: BACKEND_SERVICES.filter((service) => service !== 'identity' && service !== 'catalog'),
        env: { IDENTITY_URL: identityUrl, RATE_LIMIT_IP_MAX: '100000', RATE_LIMIT_USER_MAX: '100000' },
      },
    });
    clusters.push(rest);
    api = `${rest.url('gateway')}/api/v1`;
  });

  afterAll(async () => {
    const problems = clusters.map((cluster) => cluster.describeProblems()).filter(Boolean);
    for (const cluster of clusters.reverse()) await cluster.stop();
    await database?.drop();
    if (problems.length > 0) throw new Error(problems.join('\n'));
  });

  it('lets only approved sellers list, only the owner (or an admin) change, and everyone read what is published', async () => {
    const adminToken = await login(admin.email, admin.password);
    const categoryId = (await ok(201, 'POST', '/categories', { token: adminToken, json: { name: `E2E ${randomBytes(3).toString('hex')}` } })).id as string;
    const product = { title: 'Chef knife', description: 'Carbon steel', price: { amount: 4900, currency: 'EUR' }, categoryId };

    const buyer = await signUp();
    expect((await request('POST', '/products', { token: buyer.token, json: product })).status).toBe(403);
    expect((await request('POST', '/categories', { token: buyer.token, json: { name: 'Nope' } })).status).toBe(403);

    const applicant = await signUp();
    await apply(applicant.token);
    expect((await request('POST', '/products', { token: await login(applicant.email, applicant.password), json: product })).status).toBe(403);

    const seller = await approvedSeller(adminToken);
    const otherSeller = await approvedSeller(adminToken);
    const id = (await ok(201, 'POST', '/products', { token: seller, json: product })).id as string;
    expect((await request('GET', `/products/${id}`)).status).toBe(404);
    expect((await request('PATCH', `/products/${id}`, { token: otherSeller, json: { title: 'Mine' } })).status).toBe(404);

    await ok(200, 'POST', `/products/${id}/publish`, { token: seller, json: {} });
    const stolen = await request('PATCH', `/products/${id}`, { token: otherSeller, json: { title: 'Mine' } });
    expect(stolen.status).toBe(403);
    expect(stolen.body.error?.code).toBe('not_product_owner');
    expect((await request('POST', `/products/${id}/archive`, { token: buyer.token, json: {} })).status).toBe(403);
    await ok(200, 'PATCH', `/products/${id}`, { token: seller, json: { price: { amount: 3900, currency: 'EUR' } } });

    expect(await ok(200, 'GET', `/products/${id}`)).toMatchObject({ id, status: 'published', title: 'Chef knife', price: { amount: 3900, currency: 'EUR' } });
    const listed = await ok(200, 'GET', `/products?categoryId=${categoryId}`);
    expect((listed.items as { id: string }[]).map((item) => item.id)).toEqual([id]);
  });
});
