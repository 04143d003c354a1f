import { CloudEventFactory } from '@marketplace/contracts';
import { CLOCK, type Clock } from '@marketplace/kernel';
import { Outbox } from '@marketplace/messaging';
import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { UserNotFoundError } from '../domain/errors';
import type { User } from '../domain/user';
import { changeProfile, type ProfileChanges } from '../domain/user-profile';
import { UsersRepository } from '../infrastructure/users-repository';
import { profileChangedEvent } from './account-events';

/** The signed-in user's own account. */
@Injectable()
export class ProfileService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly users: UsersRepository,
    private readonly events: CloudEventFactory,
    private readonly outbox: Outbox,
  ) {}

  async me(userId: string): Promise<User> {
    const user = await this.users.byId(this.db, userId);
    if (!user) throw new UserNotFoundError();
    return user;
  }

  /** Stores the change and its UserProfileChanged together; a change to the values already held is neither. */
  async change(userId: string, changes: ProfileChanges): Promise<User> {
    return this.db.transaction(async (trx) => {
      const user = await this.users.byId(trx, userId, { forUpdate: true });
      if (!user) throw new UserNotFoundError();
      const result = changeProfile(user, changes);
      if (!result.changed) return user;
      await this.users.update(trx, result.user);
      await this.outbox.enqueue(trx, [profileChangedEvent(this.events, result.user, this.clock.now())]);
      return result.user;
    });
  }
}
