import { CloudEventFactory } from '@marketplace/contracts';
import { CLOCK, type Clock } from '@marketplace/kernel';
import { Outbox } from '@marketplace/messaging';
import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { UserNotFoundError } from '../domain/errors';
import { assertMayDisable, confirmEnrolment, pendingEnrolment, startEnrolment } from '../domain/totp-enrolment';
import type { User } from '../domain/user';
import type { IdentityConfig } from '../identity-config';
import { newRecoveryCodes } from '../infrastructure/recovery-code-hashes';
import { RecoveryCodesRepository } from '../infrastructure/recovery-codes-repository';
import { TotpEnrolmentsRepository } from '../infrastructure/totp-enrolments-repository';
import { type TotpProvisioning, TotpSecrets } from '../infrastructure/totp-secrets';
import { UsersRepository } from '../infrastructure/users-repository';
import { mfaChangedEvent } from './account-events';
import { SecondFactor } from './second-factor';
import { IDENTITY_CONFIG } from './tokens';

/** Turning TOTP on (a secret, then a first code) and off, announced with MfaEnabled/MfaDisabled, and replacing the recovery codes. */
@Injectable()
export class TotpEnrolmentService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly users: UsersRepository,
    private readonly enrolments: TotpEnrolmentsRepository,
    private readonly recoveryCodes: RecoveryCodesRepository,
    private readonly secrets: TotpSecrets,
    private readonly factor: SecondFactor,
    private readonly events: CloudEventFactory,
    private readonly outbox: Outbox,
  ) {}

  /** A new secret, pending until confirmed; shown once. */
  async start(trx: Knex.Transaction, user: User): Promise<TotpProvisioning> {
    const current = await this.enrolments.byUser(trx, user.id, { forUpdate: true });
    const { sealedSecret, ...provisioning } = await this.secrets.provision(user.email);
    await this.enrolments.save(trx, startEnrolment(current, { userId: user.id, sealedSecret, now: this.clock.now() }));
    return provisioning;
  }

  /** The first code turns TOTP on; the recovery codes are returned this once. */
  async confirm(trx: Knex.Transaction, user: User, code: string, ip: string): Promise<string[]> {
    const pending = pendingEnrolment(await this.enrolments.byUser(trx, user.id, { forUpdate: true }));
    const { step, sealedSecret } = await this.factor.checkCode({ email: user.email, ip }, pending.sealedSecret, code, null);
    const now = this.clock.now();
    await this.enrolments.save(trx, confirmEnrolment({ ...pending, sealedSecret }, { step, now }));
    await this.outbox.enqueue(trx, [mfaChangedEvent(this.events, user.id, true, now)]);
    return this.replaceRecoveryCodes(trx, user.id);
  }

  /** `POST /me/mfa/totp`: the signed-in user's enrolment. */
  startFor(userId: string): Promise<TotpProvisioning> {
    return this.db.transaction(async (trx) => this.start(trx, await this.user(trx, userId)));
  }

  confirmFor(userId: string, code: string, ip: string): Promise<string[]> {
    return this.db.transaction(async (trx) => this.confirm(trx, await this.user(trx, userId), code, ip));
  }

  /** Needs a fresh code (or a recovery code); refused while the policy requires a second factor. */
  async disable(userId: string, code: string, ip: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const user = await this.user(trx, userId);
      assertMayDisable(user.roles, this.config.ADMIN_MFA_REQUIRED);
      await this.factor.verify(trx, user, code, ip);
      await this.enrolments.delete(trx, userId);
      await this.recoveryCodes.deleteAll(trx, userId);
      await this.outbox.enqueue(trx, [mfaChangedEvent(this.events, userId, false, this.clock.now())]);
    });
  }

  /** A new set of recovery codes for a fresh code; the old set stops working. */
  async regenerateRecoveryCodes(userId: string, code: string, ip: string): Promise<string[]> {
    return this.db.transaction(async (trx) => {
      const user = await this.user(trx, userId);
      await this.factor.verify(trx, user, code, ip);
      return this.replaceRecoveryCodes(trx, userId);
    });
  }

  private async user(trx: Knex.Transaction, userId: string): Promise<User> {
    const user = await this.users.byId(trx, userId, { forUpdate: true });
    if (!user) throw new UserNotFoundError();
    return user;
  }

  private async replaceRecoveryCodes(trx: Knex.Transaction, userId: string): Promise<string[]> {
    const { codes, hashes } = newRecoveryCodes();
    await this.recoveryCodes.replace(trx, userId, hashes, this.clock.now());
    return codes;
  }
}
