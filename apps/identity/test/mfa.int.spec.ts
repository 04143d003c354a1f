import type { Clock } from '@marketplace/kernel';
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { ServiceApp } from '@marketplace/platform';
import { ADMIN, call, type IdentityTestApp, type Json, PASSWORD, publishedEvents, registerAndLogin, startIdentity } from './identity-app';

/** Time under the test's control: fixed, moved on by hand. */
class TestClock implements Clock {
  // Five seconds into a 30-second step, so that every code below is of a known step.
  private at = Math.floor(Date.now() / 30_000) * 30_000 + 5_000;
  now = () => new Date(this.at);
  advance(seconds: number): void {
    this.at += seconds * 1000;
  }
}

describe('identity two-factor authentication (TOTP)', () => {
  const clock = new TestClock();
  let identity: IdentityTestApp;
  const service = () => identity.service;

  beforeAll(async () => {
    identity = await startIdentity({}, undefined, clock);
  });

  afterAll(async () => {
    await identity?.close();
  });

  /** The code an authenticator app shows now, or `stepsAway` steps from now. */
  const codeFor = (secret: string, stepsAway = 0) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: clock.now().getTime() + stepsAway * 30_000 });
  const login = (email: string, headers?: Record<string, string>) => call(service(), 'POST', '/auth/login', { body: { email, password: PASSWORD }, headers });
  const verify = (challenge: unknown, code: string, headers?: Record<string, string>) => call(service(), 'POST', '/auth/mfa/verify', { body: { challenge, code }, headers });
  const expectError = (response: Json, status: number, code: string) => expect([response.status, response.body.error?.code]).toEqual([status, code]);

  /** A user with TOTP on: its secret, recovery codes and the code step used to confirm. */
  async function enrolledUser(app = service()) {
    const user = await registerAndLogin(app);
    const started = await call(app, 'POST', '/me/mfa/totp', { token: user.accessToken });
    expect(started.status).toBe(201);
    const secret = started.body.secret as string;
    const confirmed = await call(app, 'POST', '/me/mfa/totp/confirm', { token: user.accessToken, body: { code: codeFor(secret) } });
    expect(confirmed.status).toBe(200);
    clock.advance(30);
    return { ...user, secret, recoveryCodes: confirmed.body.recoveryCodes as string[], started };
  }

  it('enrols: a secret, its otpauth URI and a QR image; a wrong first code is refused; the right one turns TOTP on with 10 recovery codes', async () => {
    const user = await registerAndLogin(service());
    const started = await call(service(), 'POST', '/me/mfa/totp', { token: user.accessToken });
    expect(started.status).toBe(201);
    const secret = started.body.secret as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(started.body.otpauthUri as string);
    expect([uri.protocol, uri.host, uri.searchParams.get('secret'), uri.searchParams.get('issuer')]).toEqual(['otpauth:', 'totp', secret, 'Marketplace']);
    expect(decodeURIComponent(uri.pathname)).toBe(`/Marketplace:${user.email}`);
    expect(started.body.qr).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);

    // Not on yet: the password alone still logs in.
    expect(Object.keys((await login(user.email)).body)).toContain('accessToken');
    expectError(await call(service(), 'POST', '/me/mfa/totp/confirm', { token: user.accessToken, body: { code: codeFor(secret, 3) } }), 401, 'invalid_mfa_code');
    const confirmed = await call(service(), 'POST', '/me/mfa/totp/confirm', { token: user.accessToken, body: { code: codeFor(secret) } });
    expect(confirmed.status).toBe(200);
    const codes = confirmed.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);

    // At rest: the secret sealed, the recovery codes hashed.
    const stored = JSON.stringify([await identity.db('totp_enrolments').where({ user_id: user.userId }), await identity.db('recovery_codes').where({ user_id: user.userId })]);
    expect(stored).toContain('"status":"enabled"');
    expect(stored).not.toContain(secret);
    for (const code of codes) expect(stored).not.toContain(code.replace(/-/g, ''));

    expectError(await call(service(), 'POST', '/me/mfa/totp/confirm', { token: user.accessToken, body: { code: codeFor(secret, 1) } }), 409, 'mfa_already_enabled');
    expectError(await call(service(), 'POST', '/me/mfa/totp', { token: user.accessToken }), 409, 'mfa_already_enabled');
  });

  it('logs in with the password, then a code: the challenge is single-use; the code that confirmed enrolment is a replay', async () => {
    const user = await enrolledUser();
    const first = await login(user.email);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ mfaRequired: true, challenge: expect.any(String), expiresAt: new Date(clock.now().getTime() + 5 * 60_000).toISOString() });

    expectError(await verify(first.body.challenge, codeFor(user.secret, -1)), 401, 'mfa_code_already_used');
    const session = await verify(first.body.challenge, codeFor(user.secret));
    expect(session.status).toBe(200);
    expect(Object.keys(session.body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken']);
    expect((await call(service(), 'GET', '/me', { token: session.body.accessToken as string })).status).toBe(200);

    clock.advance(30);
    expectError(await verify(first.body.challenge, codeFor(user.secret)), 401, 'invalid_mfa_challenge');
  });

  it('refuses a replayed code, and codes outside one step of skew; accepts the neighbouring steps', async () => {
    const user = await enrolledUser();
    const challenge = (await login(user.email)).body.challenge;
    const used = codeFor(user.secret);
    expect((await verify(challenge, used)).status).toBe(200);

    const again = (await login(user.email)).body.challenge;
    expectError(await verify(again, used), 401, 'mfa_code_already_used');
    expectError(await verify(again, codeFor(user.secret, 2)), 401, 'invalid_mfa_code');
    clock.advance(90);
    expectError(await verify(again, codeFor(user.secret, -2)), 401, 'invalid_mfa_code');
    expect((await verify(again, codeFor(user.secret, 1))).status).toBe(200);
  });

  it('a challenge expires after five minutes', async () => {
    const user = await enrolledUser();
    const challenge = (await login(user.email)).body.challenge;
    clock.advance(5 * 60);
    expectError(await verify(challenge, codeFor(user.secret)), 401, 'invalid_mfa_challenge');
    expectError(await verify('not-a-challenge-we-issued', codeFor(user.secret)), 401, 'invalid_mfa_challenge');
  });

  it('a recovery code works exactly once; new codes void the old ones', async () => {
    const user = await enrolledUser();
    const [code, other] = user.recoveryCodes;
    expect((await verify((await login(user.email)).body.challenge, code.toUpperCase())).status).toBe(200);
    expectError(await verify((await login(user.email)).body.challenge, code), 401, 'invalid_mfa_code');

    const renewed = await call(service(), 'POST', '/me/mfa/recovery-codes', { token: user.accessToken, body: { code: codeFor(user.secret) } });
    expect(renewed.status).toBe(200);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    expectError(await verify((await login(user.email)).body.challenge, other), 401, 'invalid_mfa_code');
    expect((await verify((await login(user.email)).body.challenge, (renewed.body.recoveryCodes as string[])[0])).status).toBe(200);
  });

  it('wrong codes count as failed logins: after five, even the right code and the password are refused (429)', async () => {
    const user = await enrolledUser();
    const headers = { 'x-forwarded-for': '198.51.100.40' };
    // Logging in with the password again does not clear the count: only a second factor does.
    for (let i = 0; i < 5; i++) expectError(await verify((await login(user.email, headers)).body.challenge, codeFor(user.secret, 10), headers), 401, 'invalid_mfa_code');
    const blocked = await login(user.email, headers);
    expectError(blocked, 429, 'too_many_login_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    clock.advance(15 * 60);
    const challenge = (await login(user.email, headers)).body.challenge;
    expect((await verify(challenge, codeFor(user.secret), headers)).status).toBe(200);
  });

  it('disabling needs a fresh code; afterwards the password alone logs in', async () => {
    const user = await enrolledUser();
    const used = codeFor(user.secret);
    expect((await verify((await login(user.email)).body.challenge, used)).status).toBe(200);
    expectError(await call(service(), 'DELETE', '/me/mfa/totp', { token: user.accessToken, body: { code: used } }), 401, 'mfa_code_already_used');
    expectError(await call(service(), 'DELETE', '/me/mfa/totp', { token: user.accessToken, body: {} }), 400, 'validation_failed');
    expect((await call(service(), 'DELETE', '/me/mfa/totp', { token: user.accessToken, body: { code: codeFor(user.secret, 1) } })).status).toBe(204);
    expect(Object.keys((await login(user.email)).body)).toContain('accessToken');
    expectError(await call(service(), 'DELETE', '/me/mfa/totp', { token: user.accessToken, body: { code: codeFor(user.secret, 1) } }), 409, 'mfa_not_enabled');
    expect(await identity.db('recovery_codes').where({ user_id: user.userId })).toEqual([]);

    // Announced through the outbox, without the secret or any code.
    const events = (await publishedEvents(identity.db, user.userId)).filter((event) => event.type.includes('.Mfa'));
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ['marketplace.identity.MfaEnabled.v1', { userId: user.userId, method: 'totp', enabledAt: expect.any(String) }],
      ['marketplace.identity.MfaDisabled.v1', { userId: user.userId, method: 'totp', disabledAt: expect.any(String) }],
    ]);
    expect(JSON.stringify(events)).not.toContain(user.secret);
  });

  it('refuses bad input with a 4xx in the standard format', async () => {
    const user = await registerAndLogin(service());
    expectError(await call(service(), 'POST', '/me/mfa/totp/confirm', { token: user.accessToken, body: { code: '123456' } }), 409, 'mfa_not_enabled');
    expectError(await call(service(), 'POST', '/me/mfa/totp/confirm', { token: user.accessToken, body: { code: 123456 } }), 400, 'validation_failed');
    expectError(await call(service(), 'POST', '/auth/mfa/verify', { body: { challenge: 'a b', code: '123456' } }), 400, 'validation_failed');
    expectError(await call(service(), 'POST', '/auth/mfa/verify', { body: { challenge: 'abc' } }), 400, 'validation_failed');
    expectError(await call(service(), 'POST', '/me/mfa/totp'), 401, 'unauthenticated');
  });

  it('ADMIN_MFA_REQUIRED: an admin without TOTP gets no session, enrols with the password, then needs a code and cannot disable it', async () => {
    const strict = await identity.restart({ ADMIN_MFA_REQUIRED: 'true' });
    const adminLogin = () => call(strict, 'POST', '/auth/login', { body: ADMIN });
    const refused = await adminLogin();
    expectError(refused, 403, 'mfa_enrolment_required');
    expect(refused.body.error?.message).toContain('enrol');
    // Buyers are not concerned.
    expect(Object.keys((await call(strict, 'POST', '/auth/login', { body: { email: (await registerAndLogin(strict)).email, password: PASSWORD } })).body)).toContain('accessToken');

    expectError(await call(strict, 'POST', '/auth/mfa/enrolment', { body: { ...ADMIN, password: 'not the admin password' } }), 401, 'invalid_credentials');
    const enrolment = await call(strict, 'POST', '/auth/mfa/enrolment', { body: ADMIN });
    expect(enrolment.status).toBe(201);
    expect(Object.keys(enrolment.body).sort()).toEqual(['challenge', 'expiresAt', 'otpauthUri', 'qr', 'secret']);
    const secret = enrolment.body.secret as string;
    const confirm = (code: string) => call(strict, 'POST', '/auth/mfa/enrolment/confirm', { body: { challenge: enrolment.body.challenge, code } });
    expectError(await confirm(codeFor(secret, 2)), 401, 'invalid_mfa_code');
    const confirmed = await confirm(codeFor(secret));
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    const me = await call(strict, 'GET', '/me', { token: confirmed.body.accessToken as string });
    expect(me.body.roles).toContain('admin');
    expectError(await confirm(codeFor(secret)), 401, 'invalid_mfa_challenge');

    clock.advance(30);
    const challenge = await adminLogin();
    expect(challenge.body.mfaRequired).toBe(true);
    const session = await call(strict, 'POST', '/auth/mfa/verify', { body: { challenge: challenge.body.challenge, code: codeFor(secret) } });
    expect(session.status).toBe(200);
    clock.advance(30);
    expectError(await call(strict, 'DELETE', '/me/mfa/totp', { token: session.body.accessToken as string, body: { code: codeFor(secret) } }), 403, 'mfa_required');
    expectError(await call(strict, 'POST', '/auth/mfa/enrolment', { body: ADMIN }), 409, 'mfa_already_enabled');
  });

  it('rotates MFA_ENCRYPTION_KEY: a secret sealed under a previous key still opens and is sealed again under the new one; with no key that opens it, codes get 503 and recovery codes still work', async () => {
    const [first, second, unrelated] = [0, 1, 2].map(() => randomBytes(32).toString('base64'));
    const sealedOf = async (userId: string) => ((await identity.db('totp_enrolments').where({ user_id: userId }).first()) as { sealed_secret: string }).sealed_secret;
    const signIn = async (app: ServiceApp, email: string, code: string) => {
      const challenge = await call(app, 'POST', '/auth/login', { body: { email, password: PASSWORD } });
      expect(challenge.body.mfaRequired).toBe(true);
      return call(app, 'POST', '/auth/mfa/verify', { body: { challenge: challenge.body.challenge, code } });
    };
    const user = await enrolledUser(await identity.restart({ MFA_ENCRYPTION_KEY: first }));
    const sealedUnderFirst = await sealedOf(user.userId);

    const rotated = await identity.restart({ MFA_ENCRYPTION_KEY: second, MFA_PREVIOUS_ENCRYPTION_KEYS: first });
    expect((await signIn(rotated, user.email, codeFor(user.secret))).status).toBe(200);
    expect(await sealedOf(user.userId)).not.toBe(sealedUnderFirst);

    // Sealed again: the new key alone opens it now.
    clock.advance(30);
    expect((await signIn(await identity.restart({ MFA_ENCRYPTION_KEY: second }), user.email, codeFor(user.secret))).status).toBe(200);

    clock.advance(30);
    const lost = await identity.restart({ MFA_ENCRYPTION_KEY: unrelated });
    expectError(await signIn(lost, user.email, codeFor(user.secret)), 503, 'mfa_unavailable');
    expect((await signIn(lost, user.email, user.recoveryCodes[0])).status).toBe(200);
  });

  it('refuses a malformed previous key at startup', async () => {
    await expect(identity.restart({ MFA_PREVIOUS_ENCRYPTION_KEYS: 'not-a-key' })).rejects.toThrow(/MFA_PREVIOUS_ENCRYPTION_KEYS/);
  });
});
