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
});
