import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const OIDC_TEST_CLIENT = { id: 'marketplace', secret: 'a test client secret' };
export const OIDC_TEST_REDIRECT_URI = 'http://localhost:3000/auth/callback';

/** Who signs in at the provider next: the account its login step picks. */
export interface OidcTestAccount {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

export interface OidcTestProvider {
  issuer: string;
  /** Signs `account` in at the provider (login and consent done programmatically) and returns where it sends the browser back: the redirect URI with code, state and iss. */
  signIn(authorizationUrl: string, account: OidcTestAccount): Promise<URL>;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider) on a free port, with one confidential client. Its interaction
 * pages are answered in code: login as the account asked for, consent to what the client asked.
 * ID tokens live `idTokenTtlSeconds`.
 */
export async function startOidcTestProvider(idTokenTtlSeconds: number): Promise<OidcTestProvider> {
  const { default: Provider } = await import('oidc-provider');
  let nextAccount: OidcTestAccount | undefined;
  const accounts = new Map<string, OidcTestAccount>();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: OIDC_TEST_CLIENT.id, client_secret: OIDC_TEST_CLIENT.secret, redirect_uris: [OIDC_TEST_REDIRECT_URI], token_endpoint_auth_method: 'client_secret_post' }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      return account && { accountId: sub, claims: () => account };
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    ttl: { IdToken: idTokenTtlSeconds, AccessToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    cookies: { keys: ['a test cookie key'] },
  });
  const callback = provider.callback();
  server.on('request', (request, response) => {
    if (!request.url?.startsWith('/interaction/')) return callback(request, response);
    void (async () => {
      const details = await provider.interactionDetails(request, response);
      if (details.prompt.name === 'login' && nextAccount) {
        accounts.set(nextAccount.sub, nextAccount);
        return provider.interactionFinished(request, response, { login: { accountId: nextAccount.sub } }, { mergeWithLastSubmission: false });
      }
      const grant = new provider.Grant({ accountId: details.session?.accountId ?? '', clientId: details.params.client_id });
      grant.addOIDCScope(details.params.scope);
      return provider.interactionFinished(request, response, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    })().catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  });
  return {
    issuer,
    async signIn(authorizationUrl, account) {
      nextAccount = account;
      return followToRedirectUri(new URL(authorizationUrl));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser, as far as redirects and cookies go, until the provider sends it to our redirect URI. */
async function followToRedirectUri(start: URL): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < 10; hop += 1) {
    if (url.href.startsWith(OIDC_TEST_REDIRECT_URI)) return url;
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') } });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${url.pathname} with ${response.status}: ${await response.text()}`);
    url = new URL(location, url);
  }
  throw new Error('too many redirects at the provider');
}
