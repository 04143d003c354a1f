import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { canRedeem, issueOneTimeToken, type OneTimeTokenPurpose } from '../domain/one-time-token';
import { OneTimeTokensRepository } from '../infrastructure/one-time-tokens-repository';
import { hashOpaqueToken, newOpaqueToken } from '../infrastructure/opaque-token';

export interface IssuedToken {
  id: string;
  /** The secret for the holder; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

/** Issues and redeems single-use tokens: mailed links, and the challenges between two login steps. */
@Injectable()
export class OneTimeTokens {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly tokens: OneTimeTokensRepository,
  ) {}

  async issue(db: Knex, userId: string, purpose: OneTimeTokenPurpose): Promise<IssuedToken> {
    const now = this.clock.now();
    const token = issueOneTimeToken({ id: this.ids.next(), userId, purpose, now });
    const secret = newOpaqueToken();
    await this.tokens.insert(db, token, secret.hash, now);
    return { id: token.id, token: secret.token, expiresAt: token.expiresAt };
  }

  /**
   * The owner of a token that is good for this purpose, marking it used under a row lock; undefined
   * otherwise. Inside a transaction that fails later the token stays unused.
   */
  async redeem(trx: Knex.Transaction, token: string, purpose: OneTimeTokenPurpose): Promise<string | undefined> {
    const now = this.clock.now();
    const stored = await this.tokens.byHash(trx, hashOpaqueToken(token), { forUpdate: true });
    if (!stored || !canRedeem(stored, purpose, now)) return undefined;
    await this.tokens.markUsed(trx, stored.id, now);
    return stored.userId;
  }
}
