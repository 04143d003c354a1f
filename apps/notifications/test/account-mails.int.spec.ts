import { DeliverySeal, newDeliverySealKey } from '@marketplace/auth';
import { SmtpTestServer, waitFor } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import { registerUser } from './fixtures';
import { NotificationsTestApp } from './notifications-app';

describe("identity's mails: sealed links opened with the shared delivery key", () => {
  const key = newDeliverySealKey();
  const seal = new DeliverySeal(Buffer.from(key, 'base64'), 'delivery-test');
  let smtp: SmtpTestServer;
  let app: NotificationsTestApp;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    app = await NotificationsTestApp.start({ SMTP_URL: smtp.url, DELIVERY_SEAL_KEY: key, DELIVERY_SEAL_KEY_ID: 'delivery-test' });
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  const resetRequested = (userId: string, email: string, link: string) =>
    app.publish('marketplace.identity.PasswordResetRequested.v1', userId, {
      userId,
      resetRequestId: randomUUID(),
      email,
      requestedAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      sealedLink: seal.seal(link),
      keyId: 'delivery-test',
    });

  it('mails the password reset link even to a user who turned every optional email off', async () => {
    const user = await registerUser(app);
    await waitFor(async () => (await app.db('users').where({ id: user.userId })).length === 1, { description: 'the user in the directory' });
    const caller = await app.caller(['buyer'], user.userId);
    expect((await app.call('PUT', '/notifications/preferences', { as: caller, body: { email: { transactional: false, marketing: false } } })).status).toBe(200);
    await resetRequested(user.userId, user.email, 'https://shop.example/reset-password?token=s3cret-token');
    const mail = await waitFor(() => smtp.mailsTo(user.email)[0], { timeoutMs: 20_000, description: 'the reset mail' });
    expect(mail.parsed.subject).toBe('Reset your password');
    expect(mail.parsed.text).toContain('https://shop.example/reset-password?token=s3cret-token');
    expect(mail.parsed.html).toContain('href="https://shop.example/reset-password?token=s3cret-token"');
  });

  it('sends the verification link to the address being verified, not to the one in the directory', async () => {
    const user = await registerUser(app);
    const newAddress = `new-${user.email}`;
    await app.publish('marketplace.identity.EmailVerificationRequested.v1', user.userId, {
      userId: user.userId,
      verificationId: randomUUID(),
      email: newAddress,
      requestedAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      sealedLink: seal.seal('https://shop.example/verify-email?token=abc'),
      keyId: 'delivery-test',
    });
    const mail = await waitFor(() => smtp.mailsTo(newAddress)[0], { timeoutMs: 20_000, description: 'the verification mail' });
    expect(mail.parsed.text).toContain('https://shop.example/verify-email?token=abc');
    expect(smtp.mailsTo(user.email)).toHaveLength(0);
  });

  it('leaves a link sealed under another key on the dead-letter topic, with the reason, and goes on', async () => {
    const user = await registerUser(app);
    const foreign = new DeliverySeal(Buffer.from(newDeliverySealKey(), 'base64'), 'delivery-test');
    await app.publish('marketplace.identity.PasswordResetRequested.v1', user.userId, {
      userId: user.userId,
      resetRequestId: randomUUID(),
      email: user.email,
      requestedAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      sealedLink: foreign.seal('https://shop.example/reset-password?token=forged'),
      keyId: 'delivery-test',
    });
    const later = await registerUser(app);
    await resetRequested(later.userId, later.email, 'https://shop.example/reset-password?token=after');
    await waitFor(() => smtp.mailsTo(later.email)[0], { timeoutMs: 30_000, description: 'the next mail' });
    expect(smtp.mailsTo(user.email)).toHaveLength(0);
  });
});
