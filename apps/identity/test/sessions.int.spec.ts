import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { SIGNING_KEYS } from '../src/application/tokens';
import type { SigningKeys } from '../src/infrastructure/signing-keys';
import { randomUUID } from 'node:crypto';
import { call, type IdentityTestApp, newEmail, PASSWORD, registerAndLogin, startIdentity } from './identity-app';

describe('identity sessions', () => {
  let identity: IdentityTestApp;

  beforeAll(async () => {
    identity = await startIdentity();
  });

  afterAll(async () => {
    await identity?.close();
  });

  const service = () => identity.service;

  it('register -> login -> me -> refresh -> reuse of the old token is 401 and revokes the new one too', async () => {
    const email = newEmail('Flow');
    const registered = await call(service(), 'POST', '/auth/register', { body: { email: `  ${email.toUpperCase()} `, password: PASSWORD, name: ' Ada Lovelace ' } });
    expect(registered.status).toBe(201);
    expect(registered.body).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      name: 'Ada Lovelace',
      phone: null,
      locale: 'en',
      roles: ['buyer'],
      emailVerified: false,
      createdAt: expect.any(String),
    });
    const stored = await identity.db('users').where({ id: registered.body.id }).first();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);

    const login = await call(service(), 'POST', '/auth/login', { body: { email, password: PASSWORD } });
    expect(login.status).toBe(200);
    expect(Object.keys(login.body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken']);
    expect(login.body.expiresIn).toBe(900);
    const access = login.body.accessToken as string;
    const jwks = await call(service(), 'GET', '/auth/jwks.json');
    expect(decodeProtectedHeader(access)).toMatchObject({ alg: 'EdDSA', kid: (jwks.body.keys as { kid: string }[])[0].kid });
    const claims = decodeJwt(access);
    expect(claims).toMatchObject({ iss: 'marketplace-identity', aud: 'marketplace-api', sub: registered.body.id, roles: ['buyer'], email: email.toLowerCase() });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(900);
    expect(typeof claims.jti).toBe('string');

    const me = await call(service(), 'GET', '/me', { token: access });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: registered.body.id, email: email.toLowerCase(), roles: ['buyer'] });

    const old = login.body.refreshToken as string;
    const refreshed = await call(service(), 'POST', '/auth/refresh', { body: { refreshToken: old } });
    expect(refreshed.status).toBe(200);
    const newer = refreshed.body.refreshToken as string;
    expect(newer).not.toBe(old);
    expect((await call(service(), 'GET', '/me', { token: refreshed.body.accessToken as string })).status).toBe(200);

    const reuse = await call(service(), 'POST', '/auth/refresh', { body: { refreshToken: old } });
    expect(reuse.status).toBe(401);
    expect(reuse.body.error).toMatchObject({ code: 'invalid_refresh_token', request_id: reuse.headers['x-request-id'] });
    expect((await call(service(), 'POST', '/auth/refresh', { body: { refreshToken: newer } })).status).toBe(401);
  });

  it('stores refresh tokens only as hashes, expiring after 7 days', async () => {
    const { userId, refreshToken } = await registerAndLogin(service());
    const rows = await identity.db('refresh_tokens').where({ user_id: userId });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(refreshToken);
    expect(rows[0].expires_at.getTime() - rows[0].created_at.getTime()).toBe(7 * 24 * 3600 * 1000);
  });

  it('an expired refresh token is refused without revoking the family', async () => {
    const { email, userId, refreshToken } = await registerAndLogin(service());
    const other = await call(service(), 'POST', '/auth/login', { body: { email, password: PASSWORD } });
    await identity.db('refresh_tokens').where({ user_id: userId }).update({ expires_at: identity.db.raw("now() - interval '1 second'") });
    expect((await call(service(), 'POST', '/auth/refresh', { body: { refreshToken } })).status).toBe(401);
    expect(await identity.db('refresh_tokens').where({ user_id: userId }).whereNotNull('revoked_at').count({ n: '*' })).toEqual([{ n: '0' }]);
    expect((await call(service(), 'POST', '/auth/refresh', { body: { refreshToken: other.body.refreshToken } })).status).toBe(401);
  });

  it('two refreshes racing with one token: at most one wins, and the reuse ends the login', async () => {
    const { refreshToken } = await registerAndLogin(service());
    const answers = await Promise.all([1, 2, 3].map(() => call(service(), 'POST', '/auth/refresh', { body: { refreshToken } })));
    const winners = answers.filter((answer) => answer.status === 200);
    expect(winners.length).toBeLessThanOrEqual(1);
    expect(answers.filter((answer) => answer.status === 401).length).toBeGreaterThanOrEqual(2);
    for (const winner of winners) expect((await call(service(), 'POST', '/auth/refresh', { body: { refreshToken: winner.body.refreshToken } })).status).toBe(401);
  });

  it('logout revokes the family; logging out twice is fine', async () => {
    const { refreshToken } = await registerAndLogin(service());
    expect((await call(service(), 'POST', '/auth/logout', { body: { refreshToken } })).status).toBe(204);
    expect((await call(service(), 'POST', '/auth/refresh', { body: { refreshToken } })).status).toBe(401);
    expect((await call(service(), 'POST', '/auth/logout', { body: { refreshToken } })).status).toBe(204);
  });

  it('a second login is its own family: revoking one leaves the other', async () => {
    const { email, refreshToken } = await registerAndLogin(service());
    const second = await call(service(), 'POST', '/auth/login', { body: { email, password: PASSWORD } });
    await call(service(), 'POST', '/auth/logout', { body: { refreshToken } });
    expect((await call(service(), 'POST', '/auth/refresh', { body: { refreshToken: second.body.refreshToken } })).status).toBe(200);
  });

  it('refuses a taken email (409), a weak password (400 naming the rules) and bad input (400), in the standard format', async () => {
    const { email } = await registerAndLogin(service());
    const taken = await call(service(), 'POST', '/auth/register', { body: { email: email.toUpperCase(), password: PASSWORD, name: 'Eve' } });
    expect([taken.status, taken.body.error?.code]).toEqual([409, 'email_taken']);

    const weak = await call(service(), 'POST', '/auth/register', { body: { email: newEmail(), password: 'password1234', name: 'Eve' } });
    expect([weak.status, weak.body.error?.code]).toEqual([400, 'weak_password']);
    expect(weak.body.error?.details).toEqual([{ field: 'password', message: 'is too common' }]);

    const extra = await call(service(), 'POST', '/auth/register', { body: { email: newEmail(), password: PASSWORD, name: 'Eve', roles: ['admin'] } });
    expect([extra.status, extra.body.error?.code]).toEqual([400, 'validation_failed']);
    const wrongType = await call(service(), 'POST', '/auth/login', { body: { email: 42, password: [] } });
    expect(wrongType.status).toBe(400);
    expect(new Set(wrongType.body.error?.details.map((d) => d.field))).toEqual(new Set(['email', 'password']));
    const control = await call(service(), 'POST', '/auth/register', { body: { email: newEmail(), password: PASSWORD, name: 'Ada\u0000' } });
    expect(control.status).toBe(400);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const { email } = await registerAndLogin(service());
    const wrong = await call(service(), 'POST', '/auth/login', { body: { email, password: 'not the password at all' } });
    const unknown = await call(service(), 'POST', '/auth/login', { body: { email: newEmail(), password: PASSWORD } });
    expect([wrong.status, wrong.body.error?.code, wrong.body.error?.message]).toEqual([401, 'invalid_credentials', unknown.body.error?.message]);
    expect(unknown.status).toBe(401);
  });

  describe('brute force', () => {
    it('limits failed logins per account (429 with Retry-After); the right password is refused too while blocked', async () => {
      const { email } = await registerAndLogin(service());
      const headers = { 'x-forwarded-for': '198.51.100.10' };
      for (let i = 0; i < 5; i++) {
        expect((await call(service(), 'POST', '/auth/login', { body: { email, password: `wrong password ${i}` }, headers })).status).toBe(401);
      }
      const blocked = await call(service(), 'POST', '/auth/login', { body: { email, password: PASSWORD }, headers: { 'x-forwarded-for': '198.51.100.11' } });
      expect(blocked.status).toBe(429);
      expect(blocked.body.error?.code).toBe('too_many_login_attempts');
      const retryAfter = Number(blocked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    });

    it('a successful login resets the account count', async () => {
      const { email } = await registerAndLogin(service());
      for (let i = 0; i < 4; i++) await call(service(), 'POST', '/auth/login', { body: { email, password: `wrong password ${i}` } });
      expect((await call(service(), 'POST', '/auth/login', { body: { email, password: PASSWORD } })).status).toBe(200);
      for (let i = 0; i < 4; i++) await call(service(), 'POST', '/auth/login', { body: { email, password: `wrong password ${i}` } });
      expect((await call(service(), 'POST', '/auth/login', { body: { email, password: PASSWORD } })).status).toBe(200);
    });

    it('limits failed logins per client IP across accounts; x-forwarded-for counts only from a trusted proxy', async () => {
      const ip = '203.0.113.77';
      for (let i = 0; i < 20; i++) {
        await call(service(), 'POST', '/auth/login', { body: { email: newEmail('probe'), password: PASSWORD }, headers: { 'x-forwarded-for': ip } });
      }
      const { email } = await registerAndLogin(service());
      const fromThatIp = await call(service(), 'POST', '/auth/login', { body: { email, password: PASSWORD }, headers: { 'x-forwarded-for': ip } });
      expect(fromThatIp.status).toBe(429);
      expect(Number(fromThatIp.headers['retry-after'])).toBeGreaterThan(0);
      expect((await call(service(), 'POST', '/auth/login', { body: { email, password: PASSWORD }, headers: { 'x-forwarded-for': '203.0.113.78' } })).status).toBe(200);

      const untrusting = await identity.restart({ TRUSTED_PROXIES: '10.9.9.9' });
      // From an untrusted peer the header is ignored: the loopback address is the client, and it has no failures.
      expect((await call(untrusting, 'POST', '/auth/login', { body: { email, password: PASSWORD }, headers: { 'x-forwarded-for': ip } })).status).toBe(200);
    });
  });

  describe('access tokens', () => {
    it('refuses a missing, malformed, foreign-key, none-alg, tampered, expired, wrong-issuer or wrong-audience token on /me', async () => {
      const { userId, accessToken } = await registerAndLogin(service());
      const keys = service().app.get<SigningKeys>(SIGNING_KEYS);
      const { kid } = decodeProtectedHeader(accessToken);
      const now = Math.floor(Date.now() / 1000);
      const token = (key: SigningKeys['privateKey'], claims: { iss?: string; aud?: string; exp?: number } = {}) =>
        new SignJWT({ roles: ['admin'], email: 'x@example.com' })
          .setProtectedHeader({ alg: 'EdDSA', kid })
          .setIssuer(claims.iss ?? 'marketplace-identity')
          .setAudience(claims.aud ?? 'marketplace-api')
          .setSubject(userId)
          .setIssuedAt(now - 3600)
          .setExpirationTime(claims.exp ?? now + 300)
          .sign(key);
      const foreignKey = (await generateKeyPair('EdDSA', { crv: 'Ed25519' })).privateKey;
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const payload = Buffer.from(JSON.stringify({ ...decodeJwt(accessToken), roles: ['admin'] })).toString('base64url');
      const [h, , s] = accessToken.split('.');
      const cases = {
        missing: undefined,
        garbage: 'garbage',
        foreignKey: await token(foreignKey),
        noneAlg: `${header}.${payload}.`,
        tampered: `${h}.${payload}.${s}`,
        expired: await token(keys.privateKey, { exp: now - 60 }),
        wrongIssuer: await token(keys.privateKey, { iss: 'someone-else' }),
        wrongAudience: await token(keys.privateKey, { aud: 'another-api' }),
      };
      for (const [name, bad] of Object.entries(cases)) {
        const response = await call(service(), 'GET', '/me', { token: bad });
        expect({ name, status: response.status, code: response.body.error?.code }).toEqual({ name, status: 401, code: 'unauthenticated' });
      }
      // The same key signing the right claims passes: the cases above fail for their one defect.
      expect((await call(service(), 'GET', '/me', { token: await token(keys.privateKey) })).status).toBe(200);
      // A restarted instance reuses the stored key: a token from the first is accepted by the second.
      expect((await call(await identity.restart(), 'GET', '/me', { token: accessToken })).status).toBe(200);
    });

    it('serves a JWKS of public keys only', async () => {
      const jwks = await call(service(), 'GET', '/auth/jwks.json');
      expect(jwks.status).toBe(200);
      expect(jwks.body.keys).toEqual([{ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: expect.any(String), alg: 'EdDSA', use: 'sig' }]);
    });

    it('with two configured keys, signs with the first and publishes both (rotation)', async () => {
      const keys = await Promise.all(
        ['new', 'old'].map(async (kid) => ({ ...(await exportJWK((await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })).privateKey)), kid })),
      );
      const rotated = await identity.restart({ JWT_PRIVATE_KEYS: JSON.stringify(keys) });
      const jwks = await call(rotated, 'GET', '/auth/jwks.json');
      expect((jwks.body.keys as { kid: string }[]).map((k) => k.kid)).toEqual(['new', 'old']);
      const { accessToken } = await registerAndLogin(rotated);
      expect(decodeProtectedHeader(accessToken).kid).toBe('new');
      expect(JSON.stringify(jwks.body)).not.toContain(keys[0].d);
    });
  });

  it('publishes its OpenAPI document from the DTOs, with the public routes open and the others behind the bearer scheme', async () => {
    const response = await service().app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };
    for (const path of ['/auth/register', '/auth/login', '/auth/refresh', '/auth/logout', '/auth/jwks.json', '/auth/verify-email', '/auth/password-reset/request', '/auth/password-reset/confirm', '/me', '/sellers/applications', '/admin/seller-applications', '/admin/seller-applications/{id}/approve', '/admin/seller-applications/{id}/reject']) {
      expect(document.paths).toHaveProperty([path]);
    }
    expect(document.paths['/auth/login'].post.security).toEqual([{}]);
    expect(document.components.schemas.RegisterDto.required?.sort()).toEqual(['email', 'name', 'password']);
  });

  it('never lets a body choose the user id', async () => {
    const id = randomUUID();
    const response = await call(service(), 'POST', '/auth/register', { body: { id, email: newEmail(), password: PASSWORD, name: 'Eve' } });
    expect(response.status).toBe(400);
  });
});
