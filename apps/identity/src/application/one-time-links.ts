import { DeliverySeal } from '@marketplace/auth';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { OneTimeTokenPurpose } from '../domain/one-time-token';
import type { IdentityConfig } from '../identity-config';
import { OneTimeTokens } from './one-time-tokens';
import { IDENTITY_CONFIG } from './tokens';

/** The purposes whose token is mailed as a link. */
type LinkPurpose = Extract<OneTimeTokenPurpose, 'email_verification' | 'password_reset'>;

const PAGE_FOR: Record<LinkPurpose, string> = {
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
    private readonly tokens: OneTimeTokens,
    private readonly seal: DeliverySeal,
  ) {}

  async issue(trx: Knex.Transaction, userId: string, purpose: LinkPurpose): Promise<SealedLink> {
    const token = await this.tokens.issue(trx, userId, purpose);
    const link = new URL(PAGE_FOR[purpose], this.config.PUBLIC_APP_URL);
    link.searchParams.set('token', token.token);
    return { tokenId: token.id, expiresAt: token.expiresAt, sealedLink: this.seal.seal(link.toString()), keyId: this.seal.keyId };
  }
}
