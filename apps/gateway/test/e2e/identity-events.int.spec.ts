import { TOPICS } from '@marketplace/contracts';
import { recordBackend } from '@marketplace/testing';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { IdentityEvents } from './support/identity-events';
import { expectOk, login, makeSeller, newCredentials, registerAndLogin, sellerApplication } from './support/users';

describe(`gateway e2e: ${TOPICS.identityUser} events for the flows through the gateway`, () => {
  let stack: E2eStack;
  let events: IdentityEvents;
  /** Every secret the flows used: none may appear in any event. */
  const secrets: string[] = [];

  beforeAll(async () => {
    stack = await startE2eStack('identity_events');
    events = await IdentityEvents.start({ kafkaBrokers: stack.kafkaBrokers, databaseUrl: stack.databaseUrl });
    recordBackend('gateway e2e: identity.user.v1 events', stack.kafkaBrokers ? 'kafka' : 'embedded', 'ran');
  });

  afterAll(async () => {
    await events?.stop();
    await stack?.stop();
  });

  function remember(...values: string[]): void {
    secrets.push(...values);
  }

  it('announces sign-up, seller approval and rejection with valid CloudEvents, and no password or token in any of them', async () => {
    const { api } = stack;
    const admin = await login(api, stack.admin.email, stack.admin.password);
    remember(stack.admin.password, admin.accessToken, admin.refreshToken);

    const buyer = await registerAndLogin(api, newCredentials('events'));
    remember(buyer.credentials.password, buyer.session.accessToken, buyer.session.refreshToken);
    const refreshed = await api.post('/auth/refresh', { refreshToken: buyer.session.refreshToken });
    expectOk(refreshed, 200, 'refresh');
    const rotated = refreshed.body as { accessToken: string; refreshToken: string };
    remember(rotated.accessToken, rotated.refreshToken);

    const seller = await makeSeller(api, admin.accessToken);
    remember(seller.credentials.password, seller.session.accessToken, seller.session.refreshToken);

    const rejected = await registerAndLogin(api, newCredentials('rejected'));
    remember(rejected.credentials.password, rejected.session.accessToken, rejected.session.refreshToken);
    const application = await api.post('/sellers/applications', sellerApplication(), rejected.session.accessToken);
    expectOk(application, 201, 'seller application');
    const applicationId = (application.body as { id: string }).id;
    expectOk(await api.post(`/admin/seller-applications/${applicationId}/reject`, { reason: 'Business documents missing' }, admin.accessToken), 200, 'rejection');

    const buyerEvents = await events.waitForTypes(buyer.id, [
      'marketplace.identity.UserRegistered.v3',
      'marketplace.identity.RoleGranted.v1',
      'marketplace.identity.EmailVerificationRequested.v1',
    ]);
    const registeredEvent = buyerEvents.find((e) => e.type === 'marketplace.identity.UserRegistered.v3');
    expect(registeredEvent?.data).toMatchObject({ userId: buyer.id, email: buyer.credentials.email, displayName: buyer.credentials.name });
    expect(buyerEvents.find((e) => e.type === 'marketplace.identity.RoleGranted.v1')?.data).toMatchObject({ userId: buyer.id, role: 'buyer', grantedBy: null });

    const sellerEvents = await events.waitForTypes(seller.id, [
      'marketplace.identity.UserRegistered.v3',
      'marketplace.identity.SellerApplicationSubmitted.v1',
      'marketplace.identity.SellerApproved.v1',
      'marketplace.identity.RoleGranted.v1',
    ]);
    const adminId = ((await api.get('/me', admin.accessToken)).body as { id: string }).id;
    expect(sellerEvents.filter((e) => e.type === 'marketplace.identity.RoleGranted.v1').map((e) => e.data)).toContainEqual(
      expect.objectContaining({ userId: seller.id, role: 'seller', grantedBy: adminId }),
    );
    expect(sellerEvents.find((e) => e.type === 'marketplace.identity.SellerApplicationSubmitted.v1')?.data).toMatchObject({
      applicationId: seller.applicationId,
      userId: seller.id,
    });

    const rejectedEvents = await events.waitForTypes(rejected.id, ['marketplace.identity.SellerRejected.v1']);
    expect(rejectedEvents.map((e) => e.type)).not.toContain('marketplace.identity.SellerApproved.v1');
    expect(rejectedEvents.find((e) => e.type === 'marketplace.identity.SellerRejected.v1')?.data).toMatchObject({ userId: rejected.id });

    // Each event once, in the order it happened per user (the key), every envelope from identity.
    for (const userId of [buyer.id, seller.id, rejected.id]) {
      const mine = events.about(userId);
      expect(new Set(mine.map((e) => e.id)).size).toBe(mine.length);
      expect(mine[0].type).toBe('marketplace.identity.UserRegistered.v3');
      for (const event of mine) expect(event.source).toMatch(/identity/);
    }

    // No invalid message concerns these users, and no message at all carries a secret.
    const ours = [buyer.id, seller.id, rejected.id];
    expect(events.invalid.filter((m) => ours.some((id) => m.value.includes(id)))).toEqual([]);
    const leaks = events.raw.flatMap((value) => secrets.filter((secret) => value.includes(secret)).map((secret) => `${secret.slice(0, 12)}... in ${value.slice(0, 200)}`));
    expect(leaks).toEqual([]);
    // The password hash of none of them (argon2id encoded) is published either.
    expect(events.raw.filter((value) => value.includes('$argon2'))).toEqual([]);
  });
});
