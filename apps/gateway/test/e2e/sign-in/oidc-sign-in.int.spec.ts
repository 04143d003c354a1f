import { OIDC_TEST_CLIENT, OIDC_TEST_REDIRECT_URI, type OidcTestAccount, type OidcTestProvider, startOidcTestProvider } from '@marketplace/testing';
import { randomBytes } from 'node:crypto';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { expectOk, login, newCredentials, registerAndLogin, type Session } from '../support/users';
import { expectRefused } from './refusal';

describe('gateway e2e: sign-in with an OpenID Connect provider', () => {
  let provider: OidcTestProvider;
  let stack: E2eStack;

  beforeAll(async () => {
    provider = await startOidcTestProvider(60);
    const providers = [{ id: 'local', name: 'Local IdP', issuer: provider.issuer, clientId: OIDC_TEST_CLIENT.id, clientSecret: OIDC_TEST_CLIENT.secret }];
    stack = await startE2eStack('oidc_sign_in', {}, { OIDC_PROVIDERS: JSON.stringify(providers), OIDC_REDIRECT_URIS: OIDC_TEST_REDIRECT_URI });
  });

  afterAll(async () => {
    await stack?.stop();
    await provider?.close();
  });

  const someone = (overrides: Partial<OidcTestAccount> = {}): OidcTestAccount => {
    const tag = randomBytes(5).toString('hex');
    return { sub: `sub-${tag}`, email: `oidc-${tag}@example.com`, email_verified: true, name: 'Grace Hopper', ...overrides };
  };

  /** Starts a sign-in at the gateway and has `account` sign in at the provider: the URL the browser is sent back to. */
  async function providerAnswer(account: OidcTestAccount): Promise<URL> {
    const started = await stack.api.post('/auth/oidc/local/start', { redirectUri: OIDC_TEST_REDIRECT_URI });
    expectOk(started, 200, 'start of a sign-in');
    return provider.signIn((started.body as { authorizationUrl: string }).authorizationUrl, account);
  }

  const callback = (answer: URL) => stack.api.post('/auth/oidc/local/callback', { callbackUrl: answer.href });

  it('signs a new person in: the token pair works at the gateway, and the next sign-in (given as parts) reaches the same account', async () => {
    const { api } = stack;
    expect((await api.get('/auth/oidc/providers')).body).toEqual({ items: [{ id: 'local', name: 'Local IdP' }] });
    const grace = someone();
    const signedIn = await callback(await providerAnswer(grace));
    expect({ status: signedIn.status, body: signedIn.body }).toEqual({ status: 200, body: { accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 } });
    const session = signedIn.body as Session;

    const me = await api.get('/me', session.accessToken);
    expect({ status: me.status, body: me.body }).toMatchObject({ status: 200, body: { email: grace.email, name: grace.name, roles: ['buyer'], emailVerified: true } });
    expect((await api.get('/me/identities', session.accessToken)).body).toEqual({ items: [{ provider: 'local', email: grace.email, linkedAt: expect.any(String) }] });
    const refreshed = await api.post('/auth/refresh', { refreshToken: session.refreshToken });
    expectOk(refreshed, 200, 'refresh');
    expect((await api.get('/me', (refreshed.body as Session).accessToken)).status).toBe(200);

    const again = await providerAnswer(grace);
    const parts = Object.fromEntries(['state', 'code', 'iss'].map((name) => [name, again.searchParams.get(name)]));
    const second = await api.post('/auth/oidc/local/callback', parts);
    expectOk(second, 200, 'second sign-in');
    expect((await api.get('/me', (second.body as Session).accessToken)).body).toMatchObject({ id: (me.body as { id: string }).id });
  });

  it('refuses an answer whose state was forged, and still accepts the genuine one', async () => {
    const genuine = await providerAnswer(someone());
    const forged = new URL(genuine);
    forged.searchParams.set('state', randomBytes(32).toString('base64url'));
    expectRefused(await callback(forged), 401, 'invalid_oidc_state');
    expectOk(await callback(genuine), 200, 'the genuine answer');
  });

  it('refuses a replayed answer, and its used code under a fresh state', async () => {
    const first = await providerAnswer(someone());
    expectOk(await callback(first), 200, 'the first use of the answer');
    expectRefused(await callback(first), 401, 'invalid_oidc_state');

    const fresh = await providerAnswer(someone());
    fresh.searchParams.set('code', first.searchParams.get('code') ?? '');
    expectRefused(await callback(fresh), 401, 'oidc_sign_in_failed');
  });

  it('does not link an existing account when the provider has not verified the email', async () => {
    const ada = await registerAndLogin(stack.api, newCredentials('oidc-link'));
    const unverified = someone({ email: ada.credentials.email, email_verified: false });
    expectRefused(await callback(await providerAnswer(unverified)), 409, 'oidc_email_not_verified');
    expect((await stack.api.get('/me/identities', ada.session.accessToken)).body).toEqual({ items: [] });
    await login(stack.api, ada.credentials.email, ada.credentials.password);
  });

  /**
   * The provider issues the ID token when identity redeems the code, so no wait makes it old. The provider
   * runs in this process: its clock set back makes the token it issues (60 s) older by as much.
   */
  async function withProviderClockBack<T>(seconds: number, during: () => Promise<T>): Promise<T> {
    const now = Date.now.bind(Date);
    const providerClock = jest.spyOn(Date, 'now').mockImplementation(() => now() - seconds * 1000);
    try {
      return await during();
    } finally {
      providerClock.mockRestore();
    }
  }

  it('refuses an ID token that has expired (beyond the 30 s of skew identity allows); one still valid passes', async () => {
    const expired = await providerAnswer(someone());
    expectRefused(await withProviderClockBack(5 * 60, () => callback(expired)), 401, 'oidc_sign_in_failed');
    const valid = await providerAnswer(someone());
    expectOk(await withProviderClockBack(10, () => callback(valid)), 200, 'a sign-in with an ID token 10 s old');
  });
});
