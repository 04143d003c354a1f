import { CloudEventFactory } from '@marketplace/contracts';
import { Outbox } from '@marketplace/messaging';
import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { CLOCK, type Clock } from '@marketplace/kernel';
import { normaliseEmail } from '../domain/email';
import { InvalidOneTimeTokenError, WeakPasswordError } from '../domain/errors';
import { canRedeem } from '../domain/one-time-token';
import { passwordPolicyViolations } from '../domain/password-policy';
import { canSignIn, changePassword } from '../domain/user';
import { LoginFailuresRepository } from '../infrastructure/login-failures-repository';
import { OneTimeTokensRepository } from '../infrastructure/one-time-tokens-repository';
import { hashOpaqueToken } from '../infrastructure/opaque-token';
import { PasswordHasher } from '../infrastructure/password-hasher';
import { RefreshTokensRepository } from '../infrastructure/refresh-tokens-repository';
import { UsersRepository } from '../infrastructure/users-repository';
import { OneTimeLinks } from './one-time-links';

/** "Forgot password": a one-hour link by email, then a new password that ends every session. */
@Injectable()
export class PasswordResetService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly users: UsersRepository,
    private readonly tokens: OneTimeTokensRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly failures: LoginFailuresRepository,
    private readonly hasher: PasswordHasher,
    private readonly links: OneTimeLinks,
    private readonly events: CloudEventFactory,
    private readonly outbox: Outbox,
  ) {}

  /** Answers the same whether or not the email has an account: the caller learns nothing. */
  async request(rawEmail: string): Promise<void> {
    const email = normaliseEmail(rawEmail);
    await this.db.transaction(async (trx) => {
      const user = await this.users.byEmail(trx, email, { forUpdate: true });
      if (!user || !canSignIn(user)) return;
      const now = this.clock.now();
      await this.tokens.expireUnused(trx, user.id, 'password_reset', now);
      const link = await this.links.issue(trx, user.id, 'password_reset');
      await this.outbox.enqueue(trx, [
        this.events.create('marketplace.identity.PasswordResetRequested.v1', user.id, {
          userId: user.id,
          resetRequestId: link.tokenId,
          email: user.email,
          requestedAt: now.toISOString(),
          expiresAt: link.expiresAt.toISOString(),
          sealedLink: link.sealedLink,
          keyId: link.keyId,
        }),
      ]);
    });
  }

  async confirm(token: string, newPassword: string): Promise<void> {
    const now = this.clock.now();
    const stored = await this.tokens.byHash(this.db, hashOpaqueToken(token));
    if (!stored || !canRedeem(stored, 'password_reset', now)) throw new InvalidOneTimeTokenError('token');
    const owner = await this.users.byId(this.db, stored.userId);
    if (!owner) throw new InvalidOneTimeTokenError('token');
    const violations = passwordPolicyViolations(newPassword, owner.email);
    if (violations.length > 0) throw new WeakPasswordError(violations);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.db.transaction(async (trx) => {
      // Checked again under the lock: the same link used twice at once changes the password once.
      const locked = await this.tokens.byHash(trx, hashOpaqueToken(token), { forUpdate: true });
      if (!locked || !canRedeem(locked, 'password_reset', now)) throw new InvalidOneTimeTokenError('token');
      await this.tokens.markUsed(trx, locked.id, now);
      const user = await this.users.byId(trx, locked.userId, { forUpdate: true });
      if (!user) throw new InvalidOneTimeTokenError('token');
      await this.users.update(trx, changePassword(user, passwordHash));
      await this.refreshTokens.revokeAllOfUser(trx, user.id, now);
      await this.failures.clear(trx, 'account', user.email);
    });
  }
}
