import { ADMIN, call, type IdentityTestApp, PASSWORD, registerAndLogin, startIdentity } from './identity-app';

/** Row counts of every identity table: bad input must leave them as they were. */
async function snapshot(identity: IdentityTestApp): Promise<Record<string, number>> {
  const tables = ['users', 'refresh_tokens', 'one_time_tokens', 'seller_applications', 'outbox'];
  const counts = await Promise.all(tables.map(async (table) => Number((await identity.db(table).count<{ n: string }[]>({ n: '*' }))[0].n)));
  return Object.fromEntries(tables.map((table, i) => [table, counts[i]]));
}

describe('identity bad input', () => {
  let identity: IdentityTestApp;

  beforeAll(async () => {
    identity = await startIdentity({ BODY_LIMIT_BYTES: '16384' });
  });

  afterAll(async () => {
    await identity?.close();
  });

  it('answers malformed requests with a 4xx in the standard format and writes nothing', async () => {
    const service = identity.service;
    const buyer = await registerAndLogin(service);
    const admin = (await call(service, 'POST', '/auth/login', { body: ADMIN })).body.accessToken as string;
    const before = await snapshot(identity);
    const json = (url: string, payload: string, token?: string, contentType = 'application/json') =>
      service.app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    const cases: [string, () => ReturnType<typeof json>][] = [
      ['invalid JSON', () => json('/auth/register', '{"email": ')],
      ['JSON array', () => json('/auth/register', '[]')],
      ['JSON null', () => json('/auth/login', 'null')],
      ['empty body', () => json('/auth/login', '')],
      ['text body', () => json('/auth/login', 'email=a&password=b', undefined, 'text/plain')],
      ['oversized body', () => json('/auth/register', JSON.stringify({ email: 'big@example.com', password: PASSWORD, name: 'x'.repeat(20_000) }))],
      ['missing fields', () => json('/auth/register', '{}')],
      ['extra field', () => json('/auth/register', JSON.stringify({ email: 'e@example.com', password: PASSWORD, name: 'E', roles: ['admin'] }))],
      ['wrong types', () => json('/auth/register', JSON.stringify({ email: ['e@example.com'], password: 123456789012, name: {} }))],
      ['unicode email', () => json('/auth/register', JSON.stringify({ email: 'ädä@exämple.com\u202e', password: PASSWORD, name: 'Ada' }))],
      ['control character name', () => json('/auth/register', JSON.stringify({ email: 'c@example.com', password: PASSWORD, name: 'A\u0007da' }))],
      ['lone surrogate name', () => json('/auth/register', '{"email":"s@example.com","password":"a long passphrase 1","name":"\\ud800"}')],
      ['whitespace name', () => json('/auth/register', JSON.stringify({ email: 'w@example.com', password: PASSWORD, name: ' \t ' }))],
      ['too long password', () => json('/auth/register', JSON.stringify({ email: 'p@example.com', password: 'x'.repeat(600), name: 'P' }))],
      ['refresh token with symbols', () => json('/auth/refresh', JSON.stringify({ refreshToken: "' or 1=1 --" }))],
      ['unknown refresh token', () => json('/auth/refresh', JSON.stringify({ refreshToken: 'A'.repeat(43) }))],
      ['verify without token', () => json('/auth/verify-email', '{}')],
      ['reset for a non-email', () => json('/auth/password-reset/request', JSON.stringify({ email: 'not an email' }))],
      ['reset confirm with a bad token', () => json('/auth/password-reset/confirm', JSON.stringify({ token: 'B'.repeat(43), password: 'an entirely new passphrase' }))],
      ['application without token', () => json('/sellers/applications', JSON.stringify({ businessName: 'X', contact: { email: 'x@example.com' }, country: 'DE' }))],
      ['application with numeric country', () => json('/sellers/applications', JSON.stringify({ businessName: 'X', contact: { email: 'x@example.com' }, country: 12 }), buyer.accessToken)],
      ['application with a nested extra field', () => json('/sellers/applications', JSON.stringify({ businessName: 'X', contact: { email: 'x@example.com', fax: '1' }, country: 'DE' }), buyer.accessToken)],
      ['approve as buyer', () => json('/admin/seller-applications/5b0c1c44-3a9b-4e0e-9c33-2d1f3b9a7d10/approve', '{}', buyer.accessToken)],
      ['approve a malformed id', () => json("/admin/seller-applications/1'%20or%20'1/approve", '{}', admin)],
      ['reject with an empty reason', () => json('/admin/seller-applications/5b0c1c44-3a9b-4e0e-9c33-2d1f3b9a7d10/reject', JSON.stringify({ reason: '' }), admin)],
      ['list with a negative offset', () => service.app.inject({ method: 'GET', url: '/admin/seller-applications?offset=-1', headers: { authorization: `Bearer ${admin}` } })],
      ['list with an unknown parameter', () => service.app.inject({ method: 'GET', url: '/admin/seller-applications?sort=1', headers: { authorization: `Bearer ${admin}` } })],
      ['me with a Basic header', () => service.app.inject({ method: 'GET', url: '/me', headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } })],
      ['register with a malformed locale', () => json('/auth/register', JSON.stringify({ email: 'l@example.com', password: PASSWORD, name: 'L', locale: 'en_GB' }))],
      ['register with a local phone number', () => json('/auth/register', JSON.stringify({ email: 'n@example.com', password: PASSWORD, name: 'N', phone: '07700900123' }))],
      ['profile change without a body', () => service.app.inject({ method: 'PATCH', url: '/me', headers: { authorization: `Bearer ${buyer.accessToken}` } })],
      ['profile change as JSON null', () => service.app.inject({ method: 'PATCH', url: '/me', payload: 'null', headers: { 'content-type': 'application/json', authorization: `Bearer ${buyer.accessToken}` } })],
      ['profile change with an unknown field', () => service.app.inject({ method: 'PATCH', url: '/me', payload: { email: 'other@example.com' }, headers: { authorization: `Bearer ${buyer.accessToken}` } })],
    ];
    for (const [name, send] of cases) {
      const response = await send();
      const body = response.json() as { error?: { code?: string; request_id?: string } };
      expect({ name, status: response.statusCode >= 400 && response.statusCode < 500, requestId: body.error?.request_id, code: typeof body.error?.code }).toEqual({
        name,
        status: true,
        requestId: response.headers['x-request-id'],
        code: 'string',
      });
    }
    expect(await snapshot(identity)).toEqual(before);
  });
});
