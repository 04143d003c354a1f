import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { InvalidMfaChallengeError } from '../domain/errors';
import type { OneTimeTokenPurpose } from '../domain/one-time-token';
import { canSignIn, type User } from '../domain/user';
import type { TotpProvisioning } from '../infrastructure/totp-secrets';
import { UsersRepository } from '../infrastructure/users-repository';
import { OneTimeTokens } from './one-time-tokens';
import { SecondFactor } from './second-factor';
import { type Credentials, type Session, SessionService } from './session.service';
import { TotpEnrolmentService } from './totp-enrolment.service';

/** An enrolment begun with the password, for an account that gets no session without TOTP. */
export type PasswordEnrolment = TotpProvisioning & { challenge: string; expiresAt: string };

/**
 * The second login step, and enrolment for accounts that must have TOTP before any session: the
 * password opens a challenge, and only the challenge and a code give a session. A wrong code leaves
 * the challenge usable until it expires (the throttle bounds the guesses); a right one uses it up.
 */
@Injectable()
export class MfaLoginService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly users: UsersRepository,
    private readonly tokens: OneTimeTokens,
    private readonly sessions: SessionService,
    private readonly factor: SecondFactor,
    private readonly enrolment: TotpEnrolmentService,
  ) {}

  verify(challenge: string, code: string, ip: string): Promise<Session> {
    return this.withChallenge(challenge, 'mfa_login', async (trx, user) => {
      await this.factor.verify(trx, user, code, ip);
      return this.sessions.open(trx, user);
    });
  }

  async startEnrolment(credentials: Credentials): Promise<PasswordEnrolment> {
    const { user } = await this.sessions.authenticate(credentials);
    return this.db.transaction(async (trx) => {
      const provisioning = await this.enrolment.start(trx, user);
      const challenge = await this.tokens.issue(trx, user.id, 'mfa_enrolment');
      return { ...provisioning, challenge: challenge.token, expiresAt: challenge.expiresAt.toISOString() };
    });
  }

  confirmEnrolment(challenge: string, code: string, ip: string): Promise<Session & { recoveryCodes: string[] }> {
    return this.withChallenge(challenge, 'mfa_enrolment', async (trx, user) => {
      const recoveryCodes = await this.enrolment.confirm(trx, user, code, ip);
      return { recoveryCodes, ...(await this.sessions.open(trx, user)) };
    });
  }

  /** Runs `step` for the challenge's user in one transaction; if it throws, the challenge stays unused. */
  private withChallenge<T>(challenge: string, purpose: OneTimeTokenPurpose, step: (trx: Knex.Transaction, user: User) => Promise<T>): Promise<T> {
    return this.db.transaction(async (trx) => {
      const userId = await this.tokens.redeem(trx, challenge, purpose);
      const user = userId === undefined ? undefined : await this.users.byId(trx, userId, { forUpdate: true });
      if (!user || !canSignIn(user)) throw new InvalidMfaChallengeError();
      return step(trx, user);
    });
  }
}
