import { CLOCK, type Clock } from '@marketplace/kernel';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { InvalidMfaCodeError, MfaCodeReplayedError } from '../domain/errors';
import { normaliseRecoveryCode } from '../domain/recovery-codes';
import { checkTotp, type TotpCheck } from '../domain/totp';
import { enabledEnrolment, recordUsedStep } from '../domain/totp-enrolment';
import { hashOpaqueToken } from '../infrastructure/opaque-token';
import { RecoveryCodesRepository } from '../infrastructure/recovery-codes-repository';
import { TotpEnrolmentsRepository } from '../infrastructure/totp-enrolments-repository';
import { TotpSecrets } from '../infrastructure/totp-secrets';
import { LoginThrottle, type LoginSource } from './login-throttle.service';

const TOTP_CODE = /^[0-9]{6}$/;

type Rejection = Extract<TotpCheck, { accepted: false }>['why'];

/**
 * Checks second-factor codes. Every attempt goes through the login throttle of the account and IP,
 * like a password: a wrong or replayed code counts as a failed login, and a blocked account gets 429.
 */
@Injectable()
export class SecondFactor {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly throttle: LoginThrottle,
    private readonly enrolments: TotpEnrolmentsRepository,
    private readonly recoveryCodes: RecoveryCodesRepository,
    private readonly secrets: TotpSecrets,
  ) {}

  /**
   * A TOTP code against the secret as sealed (no step used yet, or the last one), throttled: the accepted
   * step, and the secret's seal to keep (sealed again under the current key if a previous key opened it).
   */
  async checkCode(source: LoginSource, sealedSecret: string, code: string, lastUsedStep: number | null): Promise<{ step: number; sealedSecret: string }> {
    let accepted = { step: 0, sealedSecret };
    await this.attempt(source, async () => {
      if (!TOTP_CODE.test(code)) return 'wrong_code';
      const { secret, resealed } = this.secrets.open(sealedSecret);
      const check = checkTotp({ secretBase32: secret, code, now: this.clock.now(), lastUsedStep });
      if (!check.accepted) return check.why;
      accepted = { step: check.step, sealedSecret: resealed ?? sealedSecret };
      return 'accepted';
    });
    return accepted;
  }

  /** A TOTP code or an unused recovery code of the user's enabled TOTP, used up in `trx` (a rollback gives it back). */
  async verify(trx: Knex.Transaction, user: { id: string; email: string }, code: string, ip: string): Promise<void> {
    const source = { email: user.email, ip };
    const enrolment = enabledEnrolment(await this.enrolments.byUser(trx, user.id, { forUpdate: true }));
    if (TOTP_CODE.test(code)) {
      const { step, sealedSecret } = await this.checkCode(source, enrolment.sealedSecret, code, enrolment.lastUsedStep);
      await this.enrolments.save(trx, { ...recordUsedStep(enrolment, step), sealedSecret });
      return;
    }
    await this.attempt(source, async () => {
      const normalised = normaliseRecoveryCode(code);
      const used = normalised !== undefined && (await this.recoveryCodes.use(trx, user.id, hashOpaqueToken(normalised), this.clock.now()));
      return used ? 'accepted' : 'wrong_code';
    });
  }

  private async attempt(source: LoginSource, check: () => Promise<'accepted' | Rejection>): Promise<void> {
    await this.throttle.assertAllowed(source);
    const outcome = await check();
    if (outcome === 'accepted') return this.throttle.recordSuccess(source);
    await this.throttle.recordFailure(source);
    throw outcome === 'replayed' ? new MfaCodeReplayedError() : new InvalidMfaCodeError();
  }
}
