import { SmtpTestServer, waitFor } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import { confirmOrder, placeOrder, registerUser } from './fixtures';
import { NotificationsTestApp } from './notifications-app';

describe('notification preferences', () => {
  let smtp: SmtpTestServer;
  let app: NotificationsTestApp;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    app = await NotificationsTestApp.start({ SMTP_URL: smtp.url });
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('starts from the defaults: email and in-app for transactional messages, nothing marketing by email, no SMS', async () => {
    const response = await app.call('GET', '/notifications/preferences', { as: await app.caller(['buyer']) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      email: { transactional: true, marketing: false },
      sms: { transactional: false, marketing: false },
      in_app: { transactional: true, marketing: true },
      alwaysSent: ['security'],
    });
  });

  it('keeps a partial change and refuses to turn security messages off or unknown settings, changing nothing', async () => {
    const me = await app.caller(['buyer']);
    const changed = await app.call('PUT', '/notifications/preferences', { as: me, body: { sms: { transactional: true } } });
    expect(changed.status).toBe(200);
    expect(changed.body.sms).toEqual({ transactional: true, marketing: false });
    for (const body of [{ email: { security: false } }, { fax: { transactional: true } }, { email: { transactional: 'no' } }, []]) {
      const refused = await app.call('PUT', '/notifications/preferences', { as: me, body });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('validation_failed');
    }
    expect((await app.call('GET', '/notifications/preferences', { as: me })).body.sms).toEqual({ transactional: true, marketing: false });
  });

  it('honours an email opt-out: the confirmation stays in the app, no mail leaves', async () => {
    const buyer = await registerUser(app);
    const me = await app.caller(['buyer'], buyer.userId);
    await app.call('PUT', '/notifications/preferences', { as: me, body: { email: { transactional: false } } });
    const orderId = await placeOrder(app, buyer.userId, randomUUID());
    const event = await confirmOrder(app, orderId, buyer.userId);
    await waitFor(async () => (await app.db('deliveries').where({ source_id: event.id, recipient_id: buyer.userId })).length > 0, { timeoutMs: 20_000, description: 'the in-app delivery' });
    expect(await app.db('deliveries').where({ source_id: event.id, recipient_id: buyer.userId }).pluck('channel')).toEqual(['in_app']);
    expect(smtp.mailsTo(buyer.email)).toHaveLength(0);
  });

  it('texts a user who opted in to SMS once their profile has a phone number', async () => {
    const buyer = await registerUser(app, { locale: 'de' });
    await app.publish('marketplace.identity.UserProfileChanged.v1', buyer.userId, { userId: buyer.userId, displayName: 'Anna', phone: '+4915112345678', locale: 'de', changedAt: new Date().toISOString() });
    await waitFor(async () => (await app.db('users').where({ id: buyer.userId }).first())?.phone === '+4915112345678', { description: 'the phone in the directory' });
    await app.call('PUT', '/notifications/preferences', { as: await app.caller(['buyer'], buyer.userId), body: { sms: { transactional: true } } });
    const orderId = await placeOrder(app, buyer.userId, randomUUID());
    const event = await confirmOrder(app, orderId, buyer.userId);
    const sms = await waitFor(async () => {
      const row = await app.db('deliveries').where({ source_id: event.id, recipient_id: buyer.userId, channel: 'sms' }).first();
      return row?.status === 'sent' ? row : undefined;
    }, { timeoutMs: 20_000, description: 'the SMS sent (to the log)' });
    expect(sms.address).toBe('+4915112345678');
    expect(sms.body_text).toContain(`Your order ${orderId.slice(0, 8)} is confirmed`);
    expect(sms.body_text.replace(/\u00a0/g, ' ')).toContain('149,39 €');
  });
});
