import { call, type IdentityTestApp, publishedEvents, registerAndLogin, startIdentity } from './identity-app';

describe('identity PATCH /me', () => {
  let identity: IdentityTestApp;

  beforeAll(async () => {
    identity = await startIdentity();
  });

  afterAll(async () => {
    await identity?.close();
  });

  const service = () => identity.service;
  const eventsOf = (userId: string) => publishedEvents(identity.db, userId);
  const patch = (token: string, body: unknown) => call(service(), 'PATCH', '/me', { token, body });

  it('changes the name, phone and locale, and announces the whole profile in UserProfileChanged', async () => {
    const { userId, accessToken } = await registerAndLogin(service());
    const changed = await patch(accessToken, { name: '  Ada Lovelace ', phone: '+254712345678', locale: 'sw-ke' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: userId, name: 'Ada Lovelace', phone: '+254712345678', locale: 'sw-KE' });
    expect((await call(service(), 'GET', '/me', { token: accessToken })).body).toMatchObject({ name: 'Ada Lovelace', phone: '+254712345678', locale: 'sw-KE' });
    const last = (await eventsOf(userId)).at(-1);
    expect(last).toMatchObject({
      type: 'marketplace.identity.UserProfileChanged.v1',
      subject: userId,
      data: { userId, displayName: 'Ada Lovelace', phone: '+254712345678', locale: 'sw-KE' },
    });

    const removed = await patch(accessToken, { phone: null });
    expect(removed.body).toMatchObject({ name: 'Ada Lovelace', phone: null, locale: 'sw-KE' });
    expect((await eventsOf(userId)).at(-1)?.data).toMatchObject({ displayName: 'Ada Lovelace', phone: null, locale: 'sw-KE' });
  });

  it('announces nothing when nothing changes: the same values, or an empty body', async () => {
    const { userId, accessToken } = await registerAndLogin(service());
    const before = (await eventsOf(userId)).length;
    for (const body of [{}, { name: 'Ada', phone: null, locale: 'en' }, { locale: 'EN' }]) {
      const response = await patch(accessToken, body);
      expect({ body, status: response.status, profile: response.body }).toEqual({ body, status: 200, profile: expect.objectContaining({ name: 'Ada', phone: null, locale: 'en' }) });
    }
    expect(await eventsOf(userId)).toHaveLength(before);
  });

  it('answers bad input with a 400 naming the field, and changes nothing', async () => {
    const { userId, accessToken } = await registerAndLogin(service());
    const profile = async () => (await call(service(), 'GET', '/me', { token: accessToken })).body;
    const before = { profile: await profile(), events: (await eventsOf(userId)).length };
    for (const [body, field] of [
      [{ locale: 'en_US' }, 'locale'],
      [{ locale: '' }, 'locale'],
      [{ phone: '+0712345678' }, 'phone'],
      [{ phone: 254712345678 }, 'phone'],
      [{ name: '' }, 'name'],
      [{ name: 'A\u202eda' }, 'name'],
      [{ name: null }, 'name'],
      [{ name: 'Eve', roles: ['admin'] }, 'roles'],
      [{ displayName: 'Eve' }, 'displayName'],
    ] as const) {
      const response = await patch(accessToken, body);
      expect({ body, status: response.status, fields: response.body.error?.details.map((d) => d.field) }).toEqual({ body, status: 400, fields: [field] });
    }
    expect({ profile: await profile(), events: (await eventsOf(userId)).length }).toEqual(before);
    expect((await call(service(), 'PATCH', '/me', { body: { name: 'Eve' } })).status).toBe(401);
  });
});
