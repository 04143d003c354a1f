import { CloudEventFactory, DEFAULT_LOCALE } from '@marketplace/contracts';
import { Outbox } from '@marketplace/messaging';
import { KNEX, LOGGER } from '@marketplace/platform';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { normaliseEmail } from '../domain/email';
import { WeakPasswordError } from '../domain/errors';
import { passwordPolicyViolations } from '../domain/password-policy';
import { grantRole, registerUser } from '../domain/user';
import type { IdentityConfig } from '../identity-config';
import { PasswordHasher } from '../infrastructure/password-hasher';
import { UsersRepository } from '../infrastructure/users-repository';
import { accountOpenedEvents } from './account-events';
import { IDENTITY_CONFIG } from './tokens';

/**
 * Makes sure the account named by ADMIN_EMAIL exists and is an admin, at every start (idempotent).
 * ADMIN_PASSWORD is used only to create the account: an existing admin's password is never reset
 * from the environment. The password must meet the policy, or the service does not start.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly events: CloudEventFactory,
    private readonly outbox: Outbox,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_EMAIL, ADMIN_PASSWORD } = this.config;
    if (!ADMIN_EMAIL || !ADMIN_PASSWORD) return;
    const email = normaliseEmail(ADMIN_EMAIL);
    const violations = passwordPolicyViolations(ADMIN_PASSWORD, email);
    if (violations.length > 0) throw new WeakPasswordError(violations.map((reason) => `ADMIN_PASSWORD ${reason}`));
    const passwordHash = await this.hasher.hash(ADMIN_PASSWORD);
    await this.db.transaction(async (trx) => {
      const now = this.clock.now();
      const at = now.toISOString();
      const created = registerUser({ id: this.ids.next(), email, name: 'Administrator', phone: null, locale: DEFAULT_LOCALE, passwordHash, now });
      if (await this.users.insert(trx, { ...created, emailVerifiedAt: now })) await this.outbox.enqueue(trx, accountOpenedEvents(this.events, created, { method: 'admin_bootstrap' }));
      const existing = await this.users.byEmail(trx, email, { forUpdate: true });
      if (!existing) return;
      const { user: admin, granted } = grantRole(existing, 'admin');
      if (!granted) return;
      await this.users.update(trx, admin);
      await this.outbox.enqueue(trx, [this.events.create('marketplace.identity.RoleGranted.v1', admin.id, { userId: admin.id, role: 'admin', grantedBy: null, grantedAt: at })]);
      this.logger.info({ userId: admin.id }, 'admin role granted to the bootstrap account');
    });
  }
}
