import { parseCloudEvent } from '@marketplace/contracts';
import { ADMIN, call, type IdentityTestApp, outboxEvents, registerAndLogin, startIdentity } from './identity-app';

const form = { businessName: 'Lovelace Looms', contact: { email: 'shop@example.com', phone: '+44 20 7946 0000' }, country: 'gb' };

describe('identity roles and seller applications', () => {
  let identity: IdentityTestApp;
  let adminToken: string;
  let adminId: string;

  beforeAll(async () => {
    identity = await startIdentity();
    const login = await call(identity.service, 'POST', '/auth/login', { body: ADMIN });
    adminToken = login.body.accessToken as string;
    adminId = (await call(identity.service, 'GET', '/me', { token: adminToken })).body.id as string;
  });

  afterAll(async () => {
    await identity?.close();
  });

  const service = () => identity.service;

  it('bootstraps the admin from ADMIN_EMAIL/ADMIN_PASSWORD once, verified, with RoleGranted(admin); restarts change nothing', async () => {
    const me = await call(service(), 'GET', '/me', { token: adminToken });
    expect(me.body).toMatchObject({ email: ADMIN.email, roles: ['buyer', 'admin'], emailVerified: true });
    const events = await outboxEvents(identity.db, adminId);
    expect(events.map((e) => e.type)).toEqual([
      'marketplace.identity.UserRegistered.v3',
      'marketplace.identity.RoleGranted.v1',
      'marketplace.identity.RoleGranted.v1',
    ]);
    expect(events[0].data).toEqual({ userId: adminId, email: ADMIN.email, displayName: 'Administrator', locale: 'en', phone: null, signUpMethod: 'admin_bootstrap', identityProvider: null, registeredAt: expect.any(String) });
    expect(events[2].data).toMatchObject({ role: 'admin', grantedBy: null });
    await identity.restart();
    expect(await outboxEvents(identity.db, adminId)).toHaveLength(3);
    expect(await identity.db('users').where({ email: ADMIN.email }).count({ n: '*' })).toEqual([{ n: '1' }]);
  });

  it('grants admin to an existing account named by ADMIN_EMAIL, keeping its password', async () => {
    const { email, userId } = await registerAndLogin(service());
    const restarted = await identity.restart({ ADMIN_EMAIL: email, ADMIN_PASSWORD: 'a different admin password' });
    expect((await call(restarted, 'POST', '/auth/login', { body: { email, password: 'a different admin password' } })).status).toBe(401);
    const events = await outboxEvents(identity.db, userId);
    expect(events[events.length - 1].data).toMatchObject({ userId, role: 'admin', grantedBy: null });
  });

  it('a buyer applies, an admin approves, the buyer becomes a seller (SellerApproved + RoleGranted)', async () => {
    const buyer = await registerAndLogin(service());
    const submitted = await call(service(), 'POST', '/sellers/applications', { token: buyer.accessToken, body: form });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ userId: buyer.userId, businessName: 'Lovelace Looms', country: 'GB', status: 'submitted' });
    const again = await call(service(), 'POST', '/sellers/applications', { token: buyer.accessToken, body: form });
    expect([again.status, again.body.error?.code]).toEqual([409, 'seller_application_open']);

    const forbidden = await call(service(), 'POST', `/admin/seller-applications/${submitted.body.id}/approve`, { token: buyer.accessToken });
    expect([forbidden.status, forbidden.body.error?.code]).toEqual([403, 'forbidden']);
    expect((await call(service(), 'GET', '/admin/seller-applications', { token: buyer.accessToken })).status).toBe(403);
    expect((await call(service(), 'GET', '/admin/seller-applications')).status).toBe(401);

    const listed = await call(service(), 'GET', '/admin/seller-applications?status=submitted', { token: adminToken });
    expect(listed.status).toBe(200);
    const listedItem = (listed.body.items as { id: string }[]).find((a) => a.id === submitted.body.id);
    expect(listedItem).toMatchObject({ status: 'submitted', applicant: { email: buyer.email, name: 'Ada', emailVerified: false } });

    const approved = await call(service(), 'POST', `/admin/seller-applications/${submitted.body.id}/approve`, { token: adminToken });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: adminId });
    const decidedTwice = await call(service(), 'POST', `/admin/seller-applications/${submitted.body.id}/reject`, { token: adminToken, body: { reason: 'Too late' } });
    expect([decidedTwice.status, decidedTwice.body.error?.code]).toEqual([409, 'seller_application_already_decided']);

    const relogin = await call(service(), 'POST', '/auth/refresh', { body: { refreshToken: buyer.refreshToken } });
    expect((await call(service(), 'GET', '/me', { token: relogin.body.accessToken as string })).body.roles).toEqual(['buyer', 'seller']);
    const events = (await outboxEvents(identity.db, buyer.userId)).map((e) => parseCloudEvent(e));
    expect(events.slice(-3).map((e) => [e.type, e.data])).toEqual([
      ['marketplace.identity.SellerApplicationSubmitted.v1', expect.objectContaining({ applicationId: submitted.body.id, storeName: 'Lovelace Looms' })],
      ['marketplace.identity.SellerApproved.v1', expect.objectContaining({ applicationId: submitted.body.id, approvedBy: adminId })],
      ['marketplace.identity.RoleGranted.v1', expect.objectContaining({ role: 'seller', grantedBy: adminId })],
    ]);
    const asSeller = await call(service(), 'POST', '/sellers/applications', { token: relogin.body.accessToken as string, body: form });
    expect([asSeller.status, asSeller.body.error?.code]).toEqual([422, 'already_seller']);
  });

  it('an admin rejects with a reason; the applicant may apply again', async () => {
    const buyer = await registerAndLogin(service());
    const submitted = await call(service(), 'POST', '/sellers/applications', { token: buyer.accessToken, body: form });
    const noReason = await call(service(), 'POST', `/admin/seller-applications/${submitted.body.id}/reject`, { token: adminToken, body: {} });
    expect(noReason.status).toBe(400);
    const rejected = await call(service(), 'POST', `/admin/seller-applications/${submitted.body.id}/reject`, { token: adminToken, body: { reason: 'Incomplete contact' } });
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'Incomplete contact' });
    const events = await outboxEvents(identity.db, buyer.userId);
    expect(events[events.length - 1]).toMatchObject({ type: 'marketplace.identity.SellerRejected.v1', data: { reason: 'Incomplete contact', rejectedBy: adminId } });
    expect((await call(service(), 'POST', '/sellers/applications', { token: buyer.accessToken, body: form })).status).toBe(201);
  });

  it('validates applications and ids, and pages the list', async () => {
    const buyer = await registerAndLogin(service());
    for (const body of [
      { ...form, country: 'XX' },
      { ...form, country: 'GBR' },
      { ...form, contact: {} },
      { ...form, businessName: '' },
      { ...form, extra: true },
    ]) {
      const response = await call(service(), 'POST', '/sellers/applications', { token: buyer.accessToken, body });
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    expect((await call(service(), 'POST', '/admin/seller-applications/not-a-uuid/approve', { token: adminToken })).status).toBe(400);
    const missing = await call(service(), 'POST', '/admin/seller-applications/5b0c1c44-3a9b-4e0e-9c33-2d1f3b9a7d10/approve', { token: adminToken });
    expect([missing.status, missing.body.error?.code]).toEqual([404, 'seller_application_not_found']);
    expect((await call(service(), 'GET', '/admin/seller-applications?limit=0', { token: adminToken })).status).toBe(400);
    expect((await call(service(), 'GET', '/admin/seller-applications?status=pending', { token: adminToken })).status).toBe(400);

    const page = await call(service(), 'GET', '/admin/seller-applications?limit=1&offset=1', { token: adminToken });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ limit: 1, offset: 1 });
    expect((page.body.items as unknown[]).length).toBe(1);
    expect(page.body.total).toBeGreaterThanOrEqual(2);
  });
});
