import { randomUUID } from 'node:crypto';
import { malformedAuthBodies, forgedTokens, type BadRequest } from './support/bad-requests';
import { snapshotDatabase, userSchemas, type DatabaseSnapshot } from './support/database-snapshot';
import { errorBodySchema } from './support/error-body';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { login, registerAndLogin, type SignedIn } from './support/users';
import { waitFor } from '@marketplace/testing';

/** Requests already in flight (the outbox relay) settle first: the snapshot must stand still before the test. */
async function settledSnapshot(databaseUrl: string): Promise<DatabaseSnapshot> {
  const schemas = await userSchemas(databaseUrl);
  let previous = await snapshotDatabase(databaseUrl, schemas);
  return waitFor(
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const current = await snapshotDatabase(databaseUrl, schemas);
      const settled = JSON.stringify(current) === JSON.stringify(previous);
      previous = current;
      return settled ? current : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 0, description: 'the identity database to settle' },
  );
}

describe('gateway e2e: malformed requests get only 4xx in the standard format and change nothing', () => {
  let stack: E2eStack;
  let buyer: SignedIn;
  let adminToken: string;

  beforeAll(async () => {
    stack = await startE2eStack('bad_input');
    buyer = await registerAndLogin(stack.api);
    adminToken = (await login(stack.api, stack.admin.email, stack.admin.password)).accessToken;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function badRequests(): Promise<BadRequest[]> {
    const tokens = await forgedTokens({
      realKey: (claims, header) => stack.signingKey.sign(claims, header),
      genuine: buyer.session.accessToken,
      kid: stack.signingKey.kid,
    });
    const asBuyer = (name: string, path: string, body: unknown): BadRequest => ({ name, path, request: { method: 'POST', json: body, token: buyer.session.accessToken } });
    const asAdmin = (name: string, path: string, body: unknown): BadRequest => ({ name, path, request: { method: 'POST', json: body, token: adminToken } });
    return [
      ...malformedAuthBodies(),
      ...tokens.map(({ name, authorization }) => ({ name: `GET /me with token: ${name}`, path: '/me', request: { headers: { authorization } } })),
      ...tokens.map(({ name, authorization }) => ({
        name: `POST /admin/seller-applications/:id/approve with token: ${name}`,
        path: `/admin/seller-applications/${randomUUID()}/approve`,
        request: { method: 'POST', json: {}, headers: { authorization } },
      })),
      asBuyer('seller application: empty', '/sellers/applications', {}),
      asBuyer('seller application: country not ISO 3166', '/sellers/applications', { businessName: 'Shop', contact: { email: 'shop@example.com' }, country: 'Germany' }),
      asBuyer('seller application: 10k-character business name', '/sellers/applications', { businessName: 'x'.repeat(10_000), contact: { email: 'shop@example.com' }, country: 'DE' }),
      asBuyer('seller application: business name as a number', '/sellers/applications', { businessName: 7, contact: { email: 'shop@example.com' }, country: 'DE' }),
      asBuyer('seller application: asks to be approved', '/sellers/applications', { businessName: 'Shop', contact: { email: 'shop@example.com' }, country: 'DE', status: 'approved' }),
      asAdmin('approve: id not a UUID', '/admin/seller-applications/not-a-uuid/approve', {}),
      asAdmin('approve: unknown application', `/admin/seller-applications/${randomUUID()}/approve`, {}),
      asAdmin('reject: no reason', `/admin/seller-applications/${randomUUID()}/reject`, {}),
      asBuyer('seller application: contact without email or phone', '/sellers/applications', { businessName: 'Shop', contact: {}, country: 'DE' }),
      asBuyer('seller application: RTL override in the country', '/sellers/applications', { businessName: 'Shop', contact: { email: 'shop@example.com' }, country: '\u202eED' }),
      asAdmin('reject: reason as a number', `/admin/seller-applications/${randomUUID()}/reject`, { reason: 1 }),
      { name: 'unknown route', path: '/no-such-route', request: {} },
      { name: 'forged x-user-* headers on an admin route', path: '/admin/seller-applications', request: { headers: { 'x-user-id': randomUUID(), 'x-user-roles': 'admin' } } },
    ];
  }

  it('answers at least 50 malformed requests with 4xx in the standard format, and the database is unchanged', async () => {
    const requests = await badRequests();
    expect(requests.length).toBeGreaterThanOrEqual(50);
    const before = await settledSnapshot(stack.databaseUrl);

    const wrong: string[] = [];
    for (const { name, path, request } of requests) {
      const answer = await stack.api.request(path, request);
      const shape = errorBodySchema.safeParse(answer.body);
      if (answer.status < 400 || answer.status >= 500) wrong.push(`${name}: status ${answer.status} ${answer.text.slice(0, 200)}`);
      else if (!shape.success) wrong.push(`${name}: ${answer.status} body not in the standard format: ${answer.text.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);

    const after = await settledSnapshot(stack.databaseUrl);
    expect(after).toEqual(before);
    expect(Object.keys(before).length).toBeGreaterThan(0);
  });
});
