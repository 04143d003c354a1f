import { call, type IdentityTestApp, newEmail, publishedEvents, PASSWORD, startIdentity } from './identity-app';

describe('identity sign-up with locale and phone', () => {
  let identity: IdentityTestApp;

  beforeAll(async () => {
    identity = await startIdentity();
  });

  afterAll(async () => {
    await identity?.close();
  });

  const service = () => identity.service;
  const eventsOf = (userId: string) => publishedEvents(identity.db, userId);
  const register = (body: Record<string, unknown>) => call(service(), 'POST', '/auth/register', { body: { email: newEmail(), password: PASSWORD, name: 'Ada', ...body } });

  it('signs up with a locale (stored canonical) and an E.164 phone, shown by GET me and announced in UserRegistered.v3 as a password sign-up', async () => {
    const registered = await register({ locale: 'EN-gb', phone: '+447700900123' });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ locale: 'en-GB', phone: '+447700900123' });
    const userId = registered.body.id as string;
    const login = await call(service(), 'POST', '/auth/login', { body: { email: registered.body.email, password: PASSWORD } });
    const me = await call(service(), 'GET', '/me', { token: login.body.accessToken as string });
    expect(me.body).toMatchObject({ id: userId, name: 'Ada', locale: 'en-GB', phone: '+447700900123' });
    const [first] = await eventsOf(userId);
    expect(first).toMatchObject({
      type: 'marketplace.identity.UserRegistered.v3',
      data: { userId, displayName: 'Ada', locale: 'en-GB', phone: '+447700900123', signUpMethod: 'password', identityProvider: null },
    });
  });

  it('signs up in locale en without a phone when neither is given', async () => {
    const registered = await register({});
    expect(registered.body).toMatchObject({ locale: 'en', phone: null });
    const [first] = await eventsOf(registered.body.id as string);
    expect(first).toMatchObject({ type: 'marketplace.identity.UserRegistered.v3', data: { locale: 'en', phone: null } });
  });

  it('refuses a malformed locale or phone at sign-up with a 400 naming the field, and creates nothing', async () => {
    const users = async () => Number((await identity.db('users').count<{ n: string }[]>({ n: '*' }))[0].n);
    const before = await users();
    for (const [body, field] of [
      [{ locale: 'en_US' }, 'locale'],
      [{ locale: 'i-klingon' }, 'locale'],
      [{ locale: 42 }, 'locale'],
      [{ phone: '0712345678' }, 'phone'],
      [{ phone: '+44 7700 900123' }, 'phone'],
    ] as const) {
      const response = await register(body);
      expect({ body, status: response.status, code: response.body.error?.code, fields: response.body.error?.details.map((d) => d.field) }).toEqual({
        body,
        status: 400,
        code: 'validation_failed',
        fields: [field],
      });
    }
    expect(await users()).toBe(before);
  });
});
