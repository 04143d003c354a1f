import type { Clock } from '@marketplace/kernel';
import type * as Openid from 'openid-client';
import { z } from 'zod';
import { normaliseEmail } from '../domain/email';
import { OidcProviderUnavailableError } from '../domain/errors';
import type { OidcClaims } from '../domain/oidc-sign-in';
import type { OidcProviderConfig } from '../oidc-config';

// ESM-only; Node 24 requires it natively. Loaded on first use, so a service without providers never loads it.
const openid = (): Promise<typeof Openid> => import('openid-client');

export interface AuthorizationRequest {
  redirectUri: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** A refusal (bad code, failed ID token check) is a result; an unreachable provider throws. */
export type CodeExchange = { kind: 'verified'; claims: OidcClaims } | { kind: 'refused'; reason: string };

/** openid-client behind two calls: where to send the user, and what the provider's answer proves. */
export class OidcClient {
  private readonly discovered = new Map<string, Promise<Openid.ServerMetadata>>();

  constructor(private readonly clock: Clock) {}

  async authorizationUrl(provider: OidcProviderConfig, request: AuthorizationRequest): Promise<string> {
    const client = await openid();
    const config = await this.configuration(provider);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: request.redirectUri,
      scope: 'openid email profile',
      state: request.state,
      nonce: request.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(request.codeVerifier),
      code_challenge_method: 'S256',
    });
    return url.href;
  }

  /** Redeems the code (with the PKCE verifier) and checks the ID token: signature, issuer, audience, expiry against our clock, nonce, state. */
  async exchange(provider: OidcProviderConfig, callbackUrl: URL, expected: AuthorizationRequest): Promise<CodeExchange> {
    const client = await openid();
    const config = await this.configuration(provider);
    try {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) return { kind: 'refused', reason: 'no ID token' };
      // Some providers put the email only in userinfo (OpenID Connect core 5.4 when an access token is issued).
      const profile = idToken.email === undefined ? await client.fetchUserInfo(config, tokens.access_token, idToken.sub) : idToken;
      return { kind: 'verified', claims: toClaims(idToken.sub, profile) };
    } catch (error) {
      if (error instanceof client.ClientError) return { kind: 'refused', reason: error.code ?? error.message };
      if (error instanceof client.ResponseBodyError || error instanceof client.AuthorizationResponseError) return { kind: 'refused', reason: error.error };
      if (error instanceof client.WWWAuthenticateChallengeError) return { kind: 'refused', reason: `userinfo ${error.status}` };
      throw new OidcProviderUnavailableError();
    }
  }

  /** Discovery once per provider (again after a failure); a fresh configuration per call carries our clock's offset. */
  private async configuration(provider: OidcProviderConfig): Promise<Openid.Configuration> {
    const client = await openid();
    const insecure = new URL(provider.issuer).protocol === 'http:';
    let metadata = this.discovered.get(provider.id);
    if (!metadata) {
      metadata = client
        .discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, undefined, { execute: insecure ? [client.allowInsecureRequests] : [] })
        .then((config) => config.serverMetadata());
      this.discovered.set(provider.id, metadata);
      metadata.catch(() => this.discovered.delete(provider.id));
    }
    const server = await metadata.catch(() => {
      throw new OidcProviderUnavailableError();
    });
    const skewSeconds = Math.round((this.clock.now().getTime() - Date.now()) / 1000);
    const config = new client.Configuration(server, provider.clientId, { client_secret: provider.clientSecret, [client.clockSkew]: skewSeconds });
    if (insecure) client.allowInsecureRequests(config);
    return config;
  }
}

const emailClaim = z.string().transform(normaliseEmail).pipe(z.email().max(254));

/** An email our accounts cannot hold counts as none. */
function toClaims(subject: string, profile: Openid.UserInfoResponse | Openid.IDToken): OidcClaims {
  const email = emailClaim.safeParse(profile.email).data;
  return { subject, email, emailVerified: profile.email_verified === true, name: typeof profile.name === 'string' ? profile.name : undefined };
}
