import { randomUUID } from 'node:crypto';
import { errorBodySchema } from './support/error-body';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import type { HttpAnswer } from './support/http-client';
import { expectOk, login, makeSeller, registerAndLogin, sellerApplication } from './support/users';

type Actor = 'anonymous' | 'buyer' | 'seller' | 'admin';
const ACTORS: Actor[] = ['anonymous', 'buyer', 'seller', 'admin'];

interface Route {
  route: string;
  /** The status each actor gets: 2xx for the intended roles, 401 for anonymous, 403 for a role that may not. */
  expected: Record<Actor, number>;
  /** Sends the request as one actor; `fixture` holds what the route needs (e.g. a pending application). */
  send: (token: string | undefined, fixture: Fixture) => Promise<HttpAnswer>;
}

interface Fixture {
  pendingForApproval: string;
  pendingForRejection: string;
}

describe('gateway e2e: RBAC matrix of the protected routes', () => {
  let stack: E2eStack;
  const tokens: Partial<Record<Actor, string>> = {};
  let fixture: Fixture;

  beforeAll(async () => {
    stack = await startE2eStack('rbac');
    const { api } = stack;
    tokens.admin = (await login(api, stack.admin.email, stack.admin.password)).accessToken;
    tokens.buyer = (await registerAndLogin(api)).session.accessToken;
    tokens.seller = (await makeSeller(api, tokens.admin)).session.accessToken;
    fixture = { pendingForApproval: await pendingApplication(), pendingForRejection: await pendingApplication() };
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function pendingApplication(): Promise<string> {
    const applicant = await registerAndLogin(stack.api);
    const applied = await stack.api.post('/sellers/applications', sellerApplication(), applicant.session.accessToken);
    expectOk(applied, 201, 'seller application');
    return (applied.body as { id: string }).id;
  }

  const routes: Route[] = [
    {
      route: 'GET /me',
      expected: { anonymous: 401, buyer: 200, seller: 200, admin: 200 },
      send: (token) => stack.api.get('/me', token),
    },
    {
      // Any signed-in user may apply; a seller passes the role check and is refused by the business rule (already a seller).
      route: 'POST /sellers/applications',
      expected: { anonymous: 401, buyer: 201, seller: 422, admin: 201 },
      send: (token) => stack.api.post('/sellers/applications', sellerApplication(), token),
    },
    {
      route: 'GET /admin/seller-applications',
      expected: { anonymous: 401, buyer: 403, seller: 403, admin: 200 },
      send: (token) => stack.api.get('/admin/seller-applications', token),
    },
    {
      route: 'POST /admin/seller-applications/:id/approve',
      expected: { anonymous: 401, buyer: 403, seller: 403, admin: 200 },
      send: (token, f) => stack.api.post(`/admin/seller-applications/${f.pendingForApproval}/approve`, {}, token),
    },
    {
      route: 'POST /admin/seller-applications/:id/reject',
      expected: { anonymous: 401, buyer: 403, seller: 403, admin: 200 },
      send: (token, f) => stack.api.post(`/admin/seller-applications/${f.pendingForRejection}/reject`, { reason: 'Incomplete documents' }, token),
    },
  ];

  // Admin last: the applications stay pending until the others have been refused.
  it.each(routes.map((r) => [r.route, r] as const))('%s', async (_name, route) => {
    const outcome: Record<string, number> = {};
    for (const actor of ACTORS) {
      const answer = await route.send(tokens[actor as Exclude<Actor, 'anonymous'>], fixture);
      outcome[actor] = answer.status;
      if (answer.status >= 400) expect(errorBodySchema.safeParse(answer.body).error).toBeUndefined();
    }
    expect(outcome).toEqual(route.expected);
  });

  it('ignores identity headers forged from outside: they neither authenticate nor raise a role', async () => {
    const forged = { 'x-user-id': randomUUID(), 'x-user-roles': 'admin', 'x-user-email': stack.admin.email };
    expect((await stack.api.request('/me', { headers: forged })).status).toBe(401);
    expect((await stack.api.request('/admin/seller-applications', { headers: forged, token: tokens.buyer })).status).toBe(403);
  });
});
