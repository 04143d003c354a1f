import { CloudEventFactory, DEFAULT_LOCALE } from '@marketplace/contracts';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { Outbox } from '@marketplace/messaging';
import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { OidcSignInFailedError } from '../domain/errors';
import { decideOidcSignIn, displayNameFor, linkAccount, type OidcClaims } from '../domain/oidc-sign-in';
import { canSignIn, registerUser, type User } from '../domain/user';
import { OidcIdentitiesRepository } from '../infrastructure/oidc-identities-repository';
import { RefreshTokensRepository } from '../infrastructure/refresh-tokens-repository';
import { UsersRepository } from '../infrastructure/users-repository';
import { RegistrationService } from './registration.service';

/** The account a provider's verified sign-in belongs to: the linked one, an existing one linked now, or a new buyer. */
@Injectable()
export class OidcAccounts {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly users: UsersRepository,
    private readonly identities: OidcIdentitiesRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly registration: RegistrationService,
    private readonly events: CloudEventFactory,
    private readonly outbox: Outbox,
  ) {}

  async resolve(provider: string, claims: OidcClaims): Promise<User> {
    const user = await this.db.transaction(async (trx) => {
      const now = this.clock.now();
      const linkedUserId = await this.identities.userOf(trx, provider, claims.subject);
      const sameEmail = linkedUserId === undefined && claims.email !== undefined ? await this.users.byEmail(trx, claims.email, { forUpdate: true }) : undefined;
      const decision = decideOidcSignIn(linkedUserId, sameEmail, claims);
      const identity = { provider, subject: claims.subject, email: claims.email ?? null, linkedAt: now };
      switch (decision.kind) {
        case 'linked':
          return this.users.byId(trx, decision.userId);
        case 'link':
          return this.link(trx, decision.user, identity);
        case 'register': {
          const name = displayNameFor(claims, decision.email);
          const created = registerUser({ id: this.ids.next(), email: decision.email, name, phone: null, locale: DEFAULT_LOCALE, passwordHash: null, emailVerifiedAt: claims.emailVerified ? now : null, now });
          await this.registration.open(trx, created, { method: 'oidc', provider });
          await this.identities.insert(trx, { ...identity, userId: created.id });
          return created;
        }
        default:
          return decision satisfies never;
      }
    });
    if (!user || !canSignIn(user)) throw new OidcSignInFailedError();
    return user;
  }

  private async link(trx: Knex.Transaction, user: User, identity: { provider: string; subject: string; email: string | null; linkedAt: Date }): Promise<User> {
    const linked = linkAccount(user, identity.linkedAt);
    if (linked.verified) {
      await this.users.update(trx, linked.user);
      const verified = { userId: user.id, email: user.email, verifiedAt: identity.linkedAt.toISOString() };
      await this.outbox.enqueue(trx, [this.events.create('marketplace.identity.EmailVerified.v1', user.id, verified, { at: identity.linkedAt })]);
    }
    // The dropped password's sessions end with it.
    if (linked.passwordDropped) await this.refreshTokens.revokeAllOfUser(trx, user.id, identity.linkedAt);
    await this.identities.insert(trx, { ...identity, userId: user.id });
    return linked.user;
  }
}
