import { Secret, TOTP } from 'otpauth';
import { ADMIN, call, type IdentityTestApp, outboxEvents, PASSWORD, registerAndLogin, startIdentity, tokenOf } from './identity-app';

describe('identity logs', () => {
  const lines: string[] = [];
  let identity: IdentityTestApp;

  beforeAll(async () => {
    identity = await startIdentity({}, lines);
  });

  afterAll(async () => {
    await identity?.close();
  });

  it('carry no password, hash or token, even at trace level', async () => {
    const service = identity.service;
    const { email, userId, accessToken, refreshToken } = await registerAndLogin(service);
    await call(service, 'POST', '/auth/login', { body: { email, password: 'a wrong passphrase!' } });
    await call(service, 'GET', '/me', { token: accessToken });
    const refreshed = await call(service, 'POST', '/auth/refresh', { body: { refreshToken } });
    await call(service, 'POST', '/auth/refresh', { body: { refreshToken } });
    await call(service, 'POST', '/auth/password-reset/request', { body: { email } });
    const events = await outboxEvents(identity.db, userId);
    const [verification, reset] = ['EmailVerificationRequested', 'PasswordResetRequested'].map((name) =>
      tokenOf(service, events.find((event) => event.type === `marketplace.identity.${name}.v1`) ?? events[0]),
    );
    await call(service, 'POST', '/auth/verify-email', { body: { token: verification } });
    await call(service, 'POST', '/auth/password-reset/confirm', { body: { token: reset, password: 'an entirely new passphrase' } });
    const { password_hash: hash } = await identity.db('users').where({ id: userId }).first();

    expect(lines.length).toBeGreaterThan(10);
    const log = lines.join('\n');
    expect(log).toContain('request completed');
    for (const secret of [PASSWORD, 'a wrong passphrase!', 'an entirely new passphrase', ADMIN.password, hash, accessToken, refreshToken, refreshed.body.refreshToken as string, verification, reset]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toContain('$argon2');
  });

  it('carry no TOTP secret, code, login challenge or recovery code', async () => {
    const service = identity.service;
    const { email, accessToken } = await registerAndLogin(service);
    const started = await call(service, 'POST', '/me/mfa/totp', { token: accessToken });
    const secret = started.body.secret as string;
    const code = TOTP.generate({ secret: Secret.fromBase32(secret) });
    const confirmed = await call(service, 'POST', '/me/mfa/totp/confirm', { token: accessToken, body: { code } });
    const recoveryCodes = confirmed.body.recoveryCodes as string[];
    const challenge = (await call(service, 'POST', '/auth/login', { body: { email, password: PASSWORD } })).body.challenge as string;
    const session = await call(service, 'POST', '/auth/mfa/verify', { body: { challenge, code: recoveryCodes[0] } });
    expect(session.status).toBe(200);

    const log = lines.join('\n');
    expect(log).toContain('/auth/mfa/verify');
    // The code alone (not inside a longer number such as a timestamp).
    expect(log).not.toMatch(new RegExp(`\\b${code}\\b`));
    for (const value of [secret, challenge, started.body.qr as string, ...recoveryCodes, ...recoveryCodes.map((c) => c.replace(/-/g, ''))]) {
      expect(log).not.toContain(value);
    }
  });
});
