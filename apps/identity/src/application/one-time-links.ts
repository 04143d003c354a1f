import { DeliverySeal } from '@marketplace/auth';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { issueOneTimeToken, type OneTimeTokenPurpose } from '../domain/one-time-token';
import { OneTimeTokensRepository } from '../infrastructure/one-time-tokens-repository';
import { newOpaqueToken } from '../infrastructure/opaque-token';
import type { IdentityConfig } from '../identity-config';
import { IDENTITY_CONFIG } from './tokens';

const PAGE_FOR: Record<OneTimeTokenPurpose, string> = {
  email_verification: '/verify-email',
  password_reset: '/reset-password',
};

/** What an event needs to let notifications send the link: the link itself only sealed. */
export interface SealedLink {
  tokenId: string;
  expiresAt: Date;
  sealedLink: string;
  keyId: string;
}

/** Issues a one-time token (stored hashed) and seals the link that carries it for the notifications service. */
@Injectable()
export class OneTimeLinks {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly tokens: OneTimeTokensRepository,
    private readonly seal: DeliverySeal,
  ) {}

  async issue(trx: Knex.Transaction, userId: string, purpose: OneTimeTokenPurpose): Promise<SealedLink> {
    const now = this.clock.now();
    const token = issueOneTimeToken({ id: this.ids.next(), userId, purpose, now });
    const secret = newOpaqueToken();
    await this.tokens.insert(trx, token, secret.hash, now);
    const link = new URL(PAGE_FOR[purpose], this.config.PUBLIC_APP_URL);
    link.searchParams.set('token', secret.token);
    return { tokenId: token.id, expiresAt: token.expiresAt, sealedLink: this.seal.seal(link.toString()), keyId: this.seal.keyId };
  }
}
