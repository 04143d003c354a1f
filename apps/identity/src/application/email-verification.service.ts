import { CloudEventFactory } from '@marketplace/contracts';
import { Outbox } from '@marketplace/messaging';
import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { CLOCK, type Clock } from '@marketplace/kernel';
import { InvalidOneTimeTokenError } from '../domain/errors';
import { canRedeem } from '../domain/one-time-token';
import { verifyEmail } from '../domain/user';
import { OneTimeTokensRepository } from '../infrastructure/one-time-tokens-repository';
import { hashOpaqueToken } from '../infrastructure/opaque-token';
import { UsersRepository } from '../infrastructure/users-repository';

/** Redeems the link mailed at sign-up. */
@Injectable()
export class EmailVerificationService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly tokens: OneTimeTokensRepository,
    private readonly users: UsersRepository,
    private readonly events: CloudEventFactory,
    private readonly outbox: Outbox,
  ) {}

  async verify(token: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const now = this.clock.now();
      const stored = await this.tokens.byHash(trx, hashOpaqueToken(token), { forUpdate: true });
      if (!stored || !canRedeem(stored, 'email_verification', now)) throw new InvalidOneTimeTokenError('token');
      await this.tokens.markUsed(trx, stored.id, now);
      const user = await this.users.byId(trx, stored.userId, { forUpdate: true });
      if (!user) throw new InvalidOneTimeTokenError('token');
      const result = verifyEmail(user, now);
      if (!result.verified) return;
      await this.users.update(trx, result.user);
      await this.outbox.enqueue(trx, [
        this.events.create('marketplace.identity.EmailVerified.v1', user.id, { userId: user.id, email: user.email, verifiedAt: now.toISOString() }),
      ]);
    });
  }
}
