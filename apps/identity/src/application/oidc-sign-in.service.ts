import { CLOCK, type Clock } from '@marketplace/kernel';
import { KNEX, LOGGER } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { InvalidOidcStateError, OidcProviderNotFoundError, OidcSignInFailedError, RedirectUriNotAllowedError } from '../domain/errors';
import { canFinish, startOidcSignIn } from '../domain/oidc-pending-sign-in';
import type { IdentityConfig } from '../identity-config';
import { OidcClient } from '../infrastructure/oidc-client';
import { OidcSignInsRepository } from '../infrastructure/oidc-sign-ins-repository';
import { hashOpaqueToken, newOpaqueToken } from '../infrastructure/opaque-token';
import type { OidcProviderConfig } from '../oidc-config';
import { OidcAccounts } from './oidc-accounts';
import { type MfaChallenge, type Session, SessionService } from './session.service';
import { IDENTITY_CONFIG } from './tokens';

/** The provider's answer as the browser brought it back: `code`, `state`, maybe `iss` or `error`. */
export type OidcCallback = URLSearchParams;

/**
 * "Sign in with <provider>": authorization code flow with PKCE. `start` keeps state, nonce and the PKCE
 * verifier server-side for one callback to the redirect URI it named; the callback uses that record up
 * before asking the provider, then signs the account in like a password would (TOTP still asked).
 */
@Injectable()
export class OidcSignInService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly signIns: OidcSignInsRepository,
    private readonly client: OidcClient,
    private readonly accounts: OidcAccounts,
    private readonly sessions: SessionService,
  ) {}

  providers(): { id: string; name: string }[] {
    return this.config.OIDC_PROVIDERS.map(({ id, name }) => ({ id, name }));
  }

  async start(providerId: string, redirectUri: string): Promise<{ authorizationUrl: string }> {
    const provider = this.provider(providerId);
    if (!this.config.OIDC_REDIRECT_URIS.includes(redirectUri)) throw new RedirectUriNotAllowedError();
    const state = newOpaqueToken();
    const request = { redirectUri, state: state.token, nonce: newOpaqueToken().token, codeVerifier: newOpaqueToken().token };
    const authorizationUrl = await this.client.authorizationUrl(provider, request);
    const now = this.clock.now();
    await this.signIns.insert(this.db, startOidcSignIn({ provider: provider.id, ...request, now }), state.hash, now);
    return { authorizationUrl };
  }

  async finish(providerId: string, callback: OidcCallback): Promise<Session | MfaChallenge> {
    const provider = this.provider(providerId);
    const state = callback.get('state') ?? '';
    // Used up before the exchange: a code and its state count once, whatever the provider answers.
    const pending = await this.db.transaction(async (trx) => {
      const stateHash = hashOpaqueToken(state);
      const found = await this.signIns.byStateHashForUpdate(trx, stateHash);
      if (!found || !canFinish(found, provider.id, this.clock.now())) throw new InvalidOidcStateError();
      await this.signIns.markUsed(trx, stateHash, this.clock.now());
      return found;
    });
    const callbackUrl = new URL(pending.redirectUri);
    for (const [name, value] of callback) callbackUrl.searchParams.set(name, value);
    const exchange = await this.client.exchange(provider, callbackUrl, { ...pending, state });
    if (exchange.kind === 'refused') {
      this.logger.info({ provider: provider.id, reason: exchange.reason }, 'oidc sign-in refused');
      throw new OidcSignInFailedError();
    }
    return this.sessions.signIn(await this.accounts.resolve(provider.id, exchange.claims));
  }

  private provider(id: string): OidcProviderConfig {
    const provider = this.config.OIDC_PROVIDERS.find((candidate) => candidate.id === id);
    if (!provider) throw new OidcProviderNotFoundError();
    return provider;
  }
}
