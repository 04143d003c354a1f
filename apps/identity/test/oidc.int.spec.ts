import type { Clock } from '@marketplace/kernel';
import { OIDC_TEST_CLIENT as CLIENT, OIDC_TEST_REDIRECT_URI as REDIRECT_URI, type OidcTestAccount, type OidcTestProvider, startOidcTestProvider } from '@marketplace/testing';
import { Secret, TOTP } from 'otpauth';
import { call, type IdentityTestApp, type Json, newEmail, outboxEvents, PASSWORD, publishedEvents, registerAndLogin, startIdentity, tokenOf } from './identity-app';

// oidc-provider and openid-client are ES modules only, which Jest loads only with vm modules on: `npm test`
// runs Jest with --experimental-vm-modules; without it this suite fails rather than passing unrun.
describe('identity sign-in with an OpenID Connect provider', () => {
  let offsetMs = 0;
  /** The real time, moved on by hand: the provider runs on the real clock, identity on this one. */
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
  let provider: OidcTestProvider;
  let identity: IdentityTestApp;
  const service = () => identity.service;

  beforeAll(async () => {
    provider = await startOidcTestProvider(60);
    const providers = [{ id: 'local', name: 'Local IdP', issuer: provider.issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret }];
    identity = await startIdentity({ OIDC_PROVIDERS: JSON.stringify(providers), OIDC_REDIRECT_URIS: REDIRECT_URI }, undefined, clock);
  });

  afterAll(async () => {
    await identity?.close();
    await provider?.close();
  });

  afterEach(() => {
    offsetMs = 0;
  });

  const expectError = (response: Json, status: number, code: string) => expect([response.status, response.body.error?.code]).toEqual([status, code]);
  const someone = (overrides: Partial<OidcTestAccount> = {}): OidcTestAccount => ({ sub: `sub-${newEmail()}`, email: newEmail('oidc'), email_verified: true, name: 'Grace Hopper', ...overrides });
  const start = async () => {
    const started = await call(service(), 'POST', '/auth/oidc/local/start', { body: { redirectUri: REDIRECT_URI } });
    expect(started.status).toBe(200);
    return started.body.authorizationUrl as string;
  };
  const callback = (url: URL) => call(service(), 'POST', '/auth/oidc/local/callback', { body: { callbackUrl: url.href } });
  const signIn = async (account: OidcTestAccount) => callback(await provider.signIn(await start(), account));
  const me = (token: unknown) => call(service(), 'GET', '/me', { token: token as string });
  const identities = (token: unknown) => call(service(), 'GET', '/me/identities', { token: token as string });
  const passwordLogin = (email: string) => call(service(), 'POST', '/auth/login', { body: { email, password: PASSWORD } });

  /** A password account whose email is verified through its mailed link. */
  async function verifiedUser() {
    const user = await registerAndLogin(service());
    const requested = (await outboxEvents(identity.db, user.userId)).find((event) => event.type === 'marketplace.identity.EmailVerificationRequested.v1');
    expect((await call(service(), 'POST', '/auth/verify-email', { body: { token: requested && tokenOf(service(), requested) } })).status).toBe(204);
    return user;
  }

  it('lists the configured providers to anyone', async () => {
    expect((await call(service(), 'GET', '/auth/oidc/providers')).body).toEqual({ items: [{ id: 'local', name: 'Local IdP' }] });
  });

  it('sends the browser to the provider with a PKCE challenge (S256), a state and a nonce', async () => {
    const url = new URL(await start());
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ client_id: CLIENT.id, redirect_uri: REDIRECT_URI, response_type: 'code', code_challenge_method: 'S256', scope: 'openid email profile' });
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('a first sign-in opens a verified buyer account whose tokens work, announced; the next one signs into it', async () => {
    const grace = someone();
    const first = await signIn(grace);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    const account = await me(first.body.accessToken);
    expect(account.body).toMatchObject({ email: grace.email, name: 'Grace Hopper', roles: ['buyer'], emailVerified: true });
    const events = await publishedEvents(identity.db, account.body.id as string);
    expect(events.map((event) => event.type)).toEqual(['marketplace.identity.UserRegistered.v3', 'marketplace.identity.RoleGranted.v1', 'marketplace.identity.EmailVerified.v1']);
    expect(events[0].data).toMatchObject({ signUpMethod: 'oidc', identityProvider: 'local' });
    expect((await identities(first.body.accessToken)).body).toEqual({ items: [{ provider: 'local', email: grace.email, linkedAt: expect.any(String) }] });

    // The provider's answer may also be given as its parts.
    const url = await provider.signIn(await start(), grace);
    const again = await call(service(), 'POST', '/auth/oidc/local/callback', {
      body: { state: url.searchParams.get('state'), code: url.searchParams.get('code'), iss: url.searchParams.get('iss') },
    });
    expect(again.status).toBe(200);
    expect((await me(again.body.accessToken)).body.id).toBe(account.body.id);
    expect(await publishedEvents(identity.db, account.body.id as string)).toHaveLength(3);
  });

  it('refuses a callback whose state was not issued, and still accepts the right one', async () => {
    const url = await provider.signIn(await start(), someone());
    const forged = new URL(url);
    forged.searchParams.set('state', 'x'.repeat(43));
    expectError(await callback(forged), 401, 'invalid_oidc_state');
    expect((await callback(url)).status).toBe(200);
  });

  it('refuses a replayed answer, and a used code under a new state', async () => {
    const url = await provider.signIn(await start(), someone());
    expect((await callback(url)).status).toBe(200);
    expectError(await callback(url), 401, 'invalid_oidc_state');
    const fresh = new URL(await provider.signIn(await start(), someone()));
    fresh.searchParams.set('code', url.searchParams.get('code') ?? '');
    expectError(await callback(fresh), 401, 'oidc_sign_in_failed');
  });

  it('refuses an expired ID token (checked against identity\'s clock)', async () => {
    const url = await provider.signIn(await start(), someone());
    offsetMs = 5 * 60_000; // the provider's ID tokens live 60 seconds; the sign-in record 10 minutes
    expectError(await callback(url), 401, 'oidc_sign_in_failed');
  });

  it('links an existing account only when the provider verified the email', async () => {
    const ada = await verifiedUser();
    const sub = `sub-${ada.email}`;
    expectError(await signIn(someone({ sub, email: ada.email, email_verified: false })), 409, 'oidc_email_not_verified');
    expect((await identities(ada.accessToken)).body).toEqual({ items: [] });

    const linked = await signIn(someone({ sub, email: ada.email.toUpperCase() }));
    expect(linked.status).toBe(200);
    expect((await me(linked.body.accessToken)).body.id).toBe(ada.userId);
    expect((await identities(ada.accessToken)).body.items).toEqual([{ provider: 'local', email: ada.email, linkedAt: expect.any(String) }]);
    expect((await passwordLogin(ada.email)).status).toBe(200);
  });

  it('linking an account whose email was never proven drops its password and ends its sessions', async () => {
    const squatter = await registerAndLogin(service());
    const owner = await signIn(someone({ email: squatter.email }));
    expect((await me(owner.body.accessToken)).body).toMatchObject({ id: squatter.userId, emailVerified: true });
    expectError(await passwordLogin(squatter.email), 401, 'invalid_credentials');
    expectError(await call(service(), 'POST', '/auth/refresh', { body: { refreshToken: squatter.refreshToken } }), 401, 'invalid_refresh_token');
  });

  it('asks a user with TOTP on for the code, as a password login does', async () => {
    const ada = await verifiedUser();
    const started = await call(service(), 'POST', '/me/mfa/totp', { token: ada.accessToken });
    const code = () => TOTP.generate({ secret: Secret.fromBase32(started.body.secret as string), timestamp: clock.now().getTime() });
    expect((await call(service(), 'POST', '/me/mfa/totp/confirm', { token: ada.accessToken, body: { code: code() } })).status).toBe(200);

    const answer = await signIn(someone({ email: ada.email }));
    expect(answer.body).toEqual({ mfaRequired: true, challenge: expect.any(String), expiresAt: expect.any(String) });
    offsetMs = 30_000; // the next step's code: the enrolment's is used
    const verified = await call(service(), 'POST', '/auth/mfa/verify', { body: { challenge: answer.body.challenge, code: code() } });
    expect(verified.status).toBe(200);
    expect((await me(verified.body.accessToken)).body.id).toBe(ada.userId);
  });

  it('removes a link, but never the last way to sign in', async () => {
    const onlyProvider = await signIn(someone());
    expectError(await call(service(), 'DELETE', '/me/identities/local', { token: onlyProvider.body.accessToken as string }), 409, 'last_sign_in_method');

    const ada = await verifiedUser();
    expect((await signIn(someone({ email: ada.email }))).status).toBe(200);
    expect((await call(service(), 'DELETE', '/me/identities/local', { token: ada.accessToken })).status).toBe(204);
    expect((await identities(ada.accessToken)).body).toEqual({ items: [] });
    expectError(await call(service(), 'DELETE', '/me/identities/local', { token: ada.accessToken }), 404, 'identity_not_linked');
    expect((await call(service(), 'GET', '/me/identities')).status).toBe(401);
  });

  it('answers bad input with 4xx in the standard format', async () => {
    expectError(await call(service(), 'POST', '/auth/oidc/local/start', { body: { redirectUri: 'https://evil.example/cb' } }), 400, 'redirect_uri_not_allowed');
    expectError(await call(service(), 'POST', '/auth/oidc/nope/start', { body: { redirectUri: REDIRECT_URI } }), 404, 'oidc_provider_not_found');
    expect((await call(service(), 'POST', '/auth/oidc/local/start', { body: { redirectUri: 'not a url' } })).status).toBe(400);
    expect((await call(service(), 'POST', '/auth/oidc/local/callback', { body: {} })).status).toBe(400);
    expect((await call(service(), 'POST', '/auth/oidc/local/callback', { body: { state: 'a', code: 'b', callbackUrl: REDIRECT_URI } })).status).toBe(400);
    expectError(await call(service(), 'POST', '/auth/oidc/local/callback', { body: { callbackUrl: `${REDIRECT_URI}?code=x` } }), 401, 'invalid_oidc_state');
  });
});
