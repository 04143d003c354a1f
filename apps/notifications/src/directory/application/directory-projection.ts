import { isEventType, type MarketplaceEvent } from '@marketplace/contracts';
import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { DirectoryRepository } from '../infrastructure/directory-repository';

/**
 * Keeps the directory from identity.user.v1 (UserRegistered v1 and v2 arrive upcast to v3). Returns the user whose entry changed, so that events
 * parked until that user was known can go on.
 */
@Injectable()
export class DirectoryProjection {
  constructor(private readonly directory: DirectoryRepository) {}

  async apply(trx: Knex.Transaction, event: MarketplaceEvent): Promise<string | undefined> {
    const at = new Date(event.time);
    if (isEventType(event, 'marketplace.identity.UserRegistered.v3')) {
      const { userId, email, displayName, phone, locale } = event.data;
      await this.directory.register(trx, { id: userId, email, displayName, phone, locale }, at);
      return userId;
    }
    if (isEventType(event, 'marketplace.identity.UserProfileChanged.v1')) {
      const { userId, displayName, phone, locale } = event.data;
      await this.directory.update(trx, userId, { displayName, phone, locale }, at);
    } else if (isEventType(event, 'marketplace.identity.EmailVerified.v1')) {
      await this.directory.update(trx, event.data.userId, { email: event.data.email }, at);
    } else if (isEventType(event, 'marketplace.identity.RoleGranted.v1')) {
      await this.directory.grantRole(trx, event.data.userId, event.data.role, at);
    } else if (isEventType(event, 'marketplace.identity.UserDeactivated.v1')) {
      await this.directory.update(trx, event.data.userId, { active: false }, at);
    }
    return undefined;
  }
}
