import { errorBodySchema } from './support/error-body';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { expectOk, login, newCredentials, type Session } from './support/users';

describe('gateway e2e: register, login, me, refresh rotation and theft detection, logout', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack('auth_flow');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function expectUnauthenticated(answer: { status: number; body: unknown; text: string }): Promise<void> {
    expect({ status: answer.status, text: answer.text }).toMatchObject({ status: 401 });
    expect(errorBodySchema.safeParse(answer.body).error).toBeUndefined();
  }

  it('rotates refresh tokens, revokes the whole family when an old one is shown again, and logs out', async () => {
    const { api } = stack;
    const credentials = newCredentials('flow');
    const registered = await api.post('/auth/register', credentials);
    expectOk(registered, 201, 'register');

    const first = await login(api, credentials.email.toUpperCase(), credentials.password);
    expect(first).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });

    const me = await api.get('/me', first.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: expect.any(String), email: credentials.email, roles: ['buyer'] });
    expect(me.headers.get('x-request-id')).toBeTruthy();

    const refreshed = await api.post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    const second = refreshed.body as Session;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect((await api.get('/me', second.accessToken)).status).toBe(200);

    // The old token again: theft is assumed, the family is revoked, including the token just issued.
    await expectUnauthenticated(await api.post('/auth/refresh', { refreshToken: first.refreshToken }));
    await expectUnauthenticated(await api.post('/auth/refresh', { refreshToken: second.refreshToken }));

    // A new login starts a new family; logout revokes it.
    const third = await login(api, credentials.email, credentials.password);
    const loggedOut = await api.post('/auth/logout', { refreshToken: third.refreshToken }, third.accessToken);
    expect(loggedOut.status).toBeGreaterThanOrEqual(200);
    expect(loggedOut.status).toBeLessThan(300);
    await expectUnauthenticated(await api.post('/auth/refresh', { refreshToken: third.refreshToken }));
  });

  it('answers /me without a token, or with a token identity never issued, with 401 in the standard format', async () => {
    await expectUnauthenticated(await stack.api.get('/me'));
    await expectUnauthenticated(await stack.api.get('/me', 'not.a.token'));
  });

  it('serves identity\'s JWKS through the gateway, holding the signing key and no private part', async () => {
    const jwks = await stack.api.get('/auth/jwks.json');
    expect(jwks.status).toBe(200);
    const keys = (jwks.body as { keys: Record<string, unknown>[] }).keys;
    expect(keys.map((k) => k.kid)).toEqual([stack.signingKey.kid]);
    expect(keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('logs in the admin bootstrapped from ADMIN_EMAIL and ADMIN_PASSWORD with the admin role', async () => {
    const session = await login(stack.api, stack.admin.email, stack.admin.password);
    const me = await stack.api.get('/me', session.accessToken);
    expect((me.body as { roles: string[] }).roles).toContain('admin');
  });
});
