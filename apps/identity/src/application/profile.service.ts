import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { UserNotFoundError } from '../domain/errors';
import type { User } from '../domain/user';
import { UsersRepository } from '../infrastructure/users-repository';

/** The signed-in user's own account. */
@Injectable()
export class ProfileService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly users: UsersRepository,
  ) {}

  async me(userId: string): Promise<User> {
    const user = await this.users.byId(this.db, userId);
    if (!user) throw new UserNotFoundError();
    return user;
  }
}
