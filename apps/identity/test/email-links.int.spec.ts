import { parseCloudEvent } from '@marketplace/contracts';
import { call, type IdentityTestApp, newEmail, outboxEvents, PASSWORD, registerAndLogin, startIdentity, tokenOf } from './identity-app';

describe('identity email verification and password reset', () => {
  let identity: IdentityTestApp;

  beforeAll(async () => {
    identity = await startIdentity();
  });

  afterAll(async () => {
    await identity?.close();
  });

  const service = () => identity.service;
  const lastEvent = async (userId: string, type: string) => {
    const events = (await outboxEvents(identity.db, userId)).filter((event) => event.type === type);
    return events[events.length - 1];
  };

  it('registration requests a verification whose link is sealed; the link verifies once and emits EmailVerified', async () => {
    const { userId, accessToken } = await registerAndLogin(service());
    const requested = await lastEvent(userId, 'marketplace.identity.EmailVerificationRequested.v1');
    expect(parseCloudEvent(requested).data).toMatchObject({ userId, keyId: 'delivery-1' });
    const token = tokenOf(service(), requested);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(requested)).not.toContain(token);
    const expiresIn = Date.parse((requested.data as { expiresAt: string }).expiresAt) - Date.parse(requested.time);
    expect(Math.abs(expiresIn - 24 * 3600 * 1000)).toBeLessThan(5000);

    expect((await call(service(), 'POST', '/auth/verify-email', { body: { token } })).status).toBe(204);
    expect((await call(service(), 'GET', '/me', { token: accessToken })).body.emailVerified).toBe(true);
    const verified = await lastEvent(userId, 'marketplace.identity.EmailVerified.v1');
    expect(verified.data).toMatchObject({ userId });

    const again = await call(service(), 'POST', '/auth/verify-email', { body: { token } });
    expect([again.status, again.body.error?.code]).toEqual([400, 'invalid_token']);
    expect((await call(service(), 'POST', '/auth/verify-email', { body: { token: 'A'.repeat(43) } })).status).toBe(400);
  });

  it('password reset: 202 whatever the email; the link sets a new password and ends every session', async () => {
    const { email, userId, refreshToken } = await registerAndLogin(service());
    const before = (await outboxEvents(identity.db)).length;
    expect((await call(service(), 'POST', '/auth/password-reset/request', { body: { email: newEmail('nobody') } })).status).toBe(202);
    expect((await outboxEvents(identity.db)).length).toBe(before);

    expect((await call(service(), 'POST', '/auth/password-reset/request', { body: { email: email.toUpperCase() } })).status).toBe(202);
    const requested = await lastEvent(userId, 'marketplace.identity.PasswordResetRequested.v1');
    const token = tokenOf(service(), requested);
    const expiresIn = Date.parse((requested.data as { expiresAt: string }).expiresAt) - Date.parse(requested.time);
    expect(Math.abs(expiresIn - 3600 * 1000)).toBeLessThan(5000);

    const weak = await call(service(), 'POST', '/auth/password-reset/confirm', { body: { token, password: 'short' } });
    expect([weak.status, weak.body.error?.code]).toEqual([400, 'weak_password']);
    const newPassword = 'an entirely new passphrase';
    expect((await call(service(), 'POST', '/auth/password-reset/confirm', { body: { token, password: newPassword } })).status).toBe(204);
    expect((await call(service(), 'POST', '/auth/password-reset/confirm', { body: { token, password: newPassword } })).status).toBe(400);

    expect((await call(service(), 'POST', '/auth/refresh', { body: { refreshToken } })).status).toBe(401);
    expect((await call(service(), 'POST', '/auth/login', { body: { email, password: PASSWORD } })).status).toBe(401);
    expect((await call(service(), 'POST', '/auth/login', { body: { email, password: newPassword } })).status).toBe(200);
  });

  it('a newer reset link makes the older one worthless; a verification link is no reset link', async () => {
    const { email, userId } = await registerAndLogin(service());
    const verification = tokenOf(service(), await lastEvent(userId, 'marketplace.identity.EmailVerificationRequested.v1'));
    expect((await call(service(), 'POST', '/auth/password-reset/confirm', { body: { token: verification, password: 'an entirely new passphrase' } })).status).toBe(400);

    await call(service(), 'POST', '/auth/password-reset/request', { body: { email } });
    const first = tokenOf(service(), await lastEvent(userId, 'marketplace.identity.PasswordResetRequested.v1'));
    await call(service(), 'POST', '/auth/password-reset/request', { body: { email } });
    const second = tokenOf(service(), await lastEvent(userId, 'marketplace.identity.PasswordResetRequested.v1'));
    expect(second).not.toBe(first);
    expect((await call(service(), 'POST', '/auth/password-reset/confirm', { body: { token: first, password: 'an entirely new passphrase' } })).status).toBe(400);
    expect((await call(service(), 'POST', '/auth/password-reset/confirm', { body: { token: second, password: 'an entirely new passphrase' } })).status).toBe(204);
  });

  it('refuses an expired link', async () => {
    const { userId } = await registerAndLogin(service());
    const token = tokenOf(service(), await lastEvent(userId, 'marketplace.identity.EmailVerificationRequested.v1'));
    await identity.db('one_time_tokens').where({ user_id: userId }).update({ expires_at: identity.db.raw("now() - interval '1 second'") });
    const expired = await call(service(), 'POST', '/auth/verify-email', { body: { token } });
    expect([expired.status, expired.body.error?.code]).toEqual([400, 'invalid_token']);
  });

  it('keeps one-time tokens only as hashes', async () => {
    const { userId } = await registerAndLogin(service());
    const token = tokenOf(service(), await lastEvent(userId, 'marketplace.identity.EmailVerificationRequested.v1'));
    const rows = await identity.db('one_time_tokens').where({ user_id: userId });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0].token_hash).toHaveLength(32);
  });
});
