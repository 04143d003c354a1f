import { type MarketplaceEvent, parseCloudEvent, TOPICS } from '@marketplace/contracts';
import { type Consumer, createMessageBus, type MessageBus } from '@marketplace/messaging';
import { describeEachBackend, serviceBusBackends, waitFor } from '@marketplace/testing';
import { randomBytes } from 'node:crypto';
import { ADMIN, call, type IdentityTestApp, PASSWORD, registerAndLogin, startIdentity, tokenOf } from './identity-app';

// Kafka group joins take seconds.
jest.setTimeout(120_000);

describeEachBackend('identity.user.v1 events on the bus', serviceBusBackends(), (backend) => {
  let identity: IdentityTestApp;
  let bus: MessageBus;
  let consumer: Consumer;
  const raw: { key: string; value: string }[] = [];

  beforeAll(async () => {
    const { kafkaBrokers } = backend();
    identity = await startIdentity(kafkaBrokers ? { KAFKA_BROKERS: kafkaBrokers.join(',') } : {});
    bus = createMessageBus({ clientId: 'identity-events-test', kafkaBrokers, databaseUrl: identity.database.url });
    await bus.ensureTopics([TOPICS.identityUser]);
    consumer = await bus.consumer({
      groupId: `identity-events-test-${randomBytes(4).toString('hex')}`,
      topics: [TOPICS.identityUser],
      fromBeginning: true,
      onMessage: async (message) => void raw.push({ key: message.key, value: message.value.toString('utf8') }),
    });
  });

  afterAll(async () => {
    await consumer?.stop();
    await bus?.close();
    await identity?.close();
  });

  it('publishes every change through the outbox relay, keyed by user, valid against its schema, with no secret in it', async () => {
    const service = identity.service;
    const buyer = await registerAndLogin(service);
    const admin = await call(service, 'POST', '/auth/login', { body: ADMIN });
    const application = await call(service, 'POST', '/sellers/applications', {
      token: buyer.accessToken,
      body: { businessName: 'Lovelace Looms', contact: { phone: '+44 20 7946 0000' }, country: 'GB' },
    });
    await call(service, 'POST', `/admin/seller-applications/${application.body.id}/approve`, { token: admin.body.accessToken as string });
    await call(service, 'POST', '/auth/password-reset/request', { body: { email: buyer.email } });
    await call(service, 'PATCH', '/me', { token: buyer.accessToken, body: { phone: '+447700900123', locale: 'en-GB' } });

    const expected = [
      'marketplace.identity.UserRegistered.v3',
      'marketplace.identity.RoleGranted.v1',
      'marketplace.identity.EmailVerificationRequested.v1',
      'marketplace.identity.SellerApplicationSubmitted.v1',
      'marketplace.identity.SellerApproved.v1',
      'marketplace.identity.RoleGranted.v1',
      'marketplace.identity.PasswordResetRequested.v1',
      'marketplace.identity.UserProfileChanged.v1',
    ];
    const received = await waitFor(
      () => {
        const mine = raw.filter((message) => message.key === buyer.userId);
        return mine.length >= expected.length ? mine : undefined;
      },
      { timeoutMs: 60_000, description: "the buyer's events on the bus" },
    );
    const events: MarketplaceEvent[] = received.map((message) => parseCloudEvent(message.value));
    expect(events.map((event) => event.type)).toEqual(expected);
    expect(new Set(events.map((event) => event.subject))).toEqual(new Set([buyer.userId]));
    expect(events.at(-1)?.data).toMatchObject({ userId: buyer.userId, displayName: 'Ada', phone: '+447700900123', locale: 'en-GB' });

    // The bootstrapped admin is announced like any account, then granted admin: how consumers learn who the admins are.
    const adminId = (await call(service, 'GET', '/me', { token: admin.body.accessToken as string })).body.id as string;
    const adminEvents = await waitFor(
      () => {
        const mine = raw.filter((message) => message.key === adminId).map((message) => parseCloudEvent(message.value));
        return mine.length >= 3 ? mine : undefined;
      },
      { timeoutMs: 60_000, description: "the admin's events on the bus" },
    );
    expect(adminEvents.map((event) => [event.type, event.data])).toEqual([
      ['marketplace.identity.UserRegistered.v3', expect.objectContaining({ userId: adminId, email: ADMIN.email, locale: 'en', phone: null, signUpMethod: 'admin_bootstrap' })],
      ['marketplace.identity.RoleGranted.v1', expect.objectContaining({ userId: adminId, role: 'buyer', grantedBy: null })],
      ['marketplace.identity.RoleGranted.v1', expect.objectContaining({ userId: adminId, role: 'admin', grantedBy: null })],
    ]);

    const sealed = events.filter((event) => 'sealedLink' in (event.data as object));
    expect(sealed).toHaveLength(2);
    for (const event of sealed) {
      const token = tokenOf(service, event);
      expect(token.length).toBeGreaterThan(40);
      for (const message of raw) expect(message.value).not.toContain(token);
    }
    for (const message of raw) {
      expect(message.value).not.toContain(PASSWORD);
      expect(message.value).not.toContain(ADMIN.password);
      expect(message.value).not.toContain('$argon2');
      expect(message.value).not.toContain(buyer.refreshToken);
    }
  });
});
