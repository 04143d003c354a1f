import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { IdentityNotLinkedError, LastSignInMethodError, UserNotFoundError } from '../domain/errors';
import { canUnlink } from '../domain/oidc-sign-in';
import { type LinkedIdentity, OidcIdentitiesRepository } from '../infrastructure/oidc-identities-repository';
import { UsersRepository } from '../infrastructure/users-repository';

/** The providers a user signs in with, and removing one of them (never the last way in). */
@Injectable()
export class LinkedIdentitiesService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly users: UsersRepository,
    private readonly identities: OidcIdentitiesRepository,
  ) {}

  list(userId: string): Promise<LinkedIdentity[]> {
    return this.identities.ofUser(this.db, userId);
  }

  async unlink(userId: string, provider: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      // The user's row lock serialises two removals, so they cannot together leave no way in.
      const user = await this.users.byId(trx, userId, { forUpdate: true });
      if (!user) throw new UserNotFoundError();
      const linked = await this.identities.ofUser(trx, userId);
      if (!linked.some((identity) => identity.provider === provider)) throw new IdentityNotLinkedError();
      if (!canUnlink(user, linked.length)) throw new LastSignInMethodError();
      await this.identities.remove(trx, userId, provider);
    });
  }
}
