import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { normaliseEmail } from '../domain/email';
import { InvalidCredentialsError, InvalidRefreshTokenError } from '../domain/errors';
import { decideRefresh, issueRefreshToken } from '../domain/refresh-token';
import { afterPassword } from '../domain/totp-enrolment';
import { canSignIn, type User } from '../domain/user';
import { AccessTokenIssuer } from '../infrastructure/access-token-issuer';
import { hashOpaqueToken, newOpaqueToken } from '../infrastructure/opaque-token';
import { PasswordHasher } from '../infrastructure/password-hasher';
import { RefreshTokensRepository } from '../infrastructure/refresh-tokens-repository';
import { TotpEnrolmentsRepository } from '../infrastructure/totp-enrolments-repository';
import { UsersRepository } from '../infrastructure/users-repository';
import type { IdentityConfig } from '../identity-config';
import { LoginThrottle, type LoginSource } from './login-throttle.service';
import { OneTimeTokens } from './one-time-tokens';
import { IDENTITY_CONFIG } from './tokens';

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** The password was right; a second factor must follow (`POST /auth/mfa/verify`). */
export interface MfaChallenge {
  mfaRequired: true;
  challenge: string;
  expiresAt: string;
}

export interface Credentials {
  email: string;
  password: string;
  ip: string;
}

/** Login (the password step, then a session or a second-factor challenge), refresh-token rotation with theft detection, logout. */
@Injectable()
export class SessionService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly users: UsersRepository,
    private readonly enrolments: TotpEnrolmentsRepository,
    private readonly tokens: OneTimeTokens,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokenIssuer,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * The password step. With TOTP on, the answer is a challenge for the code instead of a session, and
   * the account's failure count is not cleared: only the second factor clears it, so a known password
   * cannot buy unlimited guesses at codes.
   */
  async login(credentials: Credentials): Promise<Session | MfaChallenge> {
    const { user, source } = await this.authenticate(credentials);
    const answer = await this.signIn(user);
    if (!('mfaRequired' in answer)) await this.throttle.recordSuccess(source);
    return answer;
  }

  /** After a first factor (the password, or a provider's sign-in): a session, or with TOTP on a challenge for the code. */
  async signIn(user: User): Promise<Session | MfaChallenge> {
    if (afterPassword(await this.enrolments.byUser(this.db, user.id), user.roles, this.config.ADMIN_MFA_REQUIRED) === 'second_factor') {
      const challenge = await this.tokens.issue(this.db, user.id, 'mfa_login');
      return { mfaRequired: true, challenge: challenge.token, expiresAt: challenge.expiresAt.toISOString() };
    }
    return this.db.transaction((trx) => this.open(trx, user));
  }

  /** Checks the password, throttled per account and IP; a failure is recorded, a success left to the caller. */
  async authenticate(credentials: Credentials): Promise<{ user: User; source: LoginSource }> {
    const source = { email: normaliseEmail(credentials.email), ip: credentials.ip };
    await this.throttle.assertAllowed(source);
    const user = await this.users.byEmail(this.db, source.email);
    const valid = user?.passwordHash && canSignIn(user) ? await this.hasher.verify(user.passwordHash, credentials.password) : await this.hasher.verifyNothing(credentials.password);
    if (!user || !valid) {
      await this.throttle.recordFailure(source);
      throw new InvalidCredentialsError();
    }
    return { user, source };
  }

  /**
   * Rotates the token: the presented one is marked rotated and a new one of the same family returned.
   * A token shown again after rotation (or revocation) revokes its whole family: whoever holds the
   * newest one, thief or owner, has to log in again.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const outcome = await this.db.transaction(async (trx): Promise<Session | 'invalid'> => {
      const now = this.clock.now();
      const token = await this.refreshTokens.byHashForUpdate(trx, hashOpaqueToken(refreshToken));
      if (!token) return 'invalid';
      const decision = decideRefresh(token, now);
      if (decision.kind === 'revoke_family') {
        await this.refreshTokens.revokeFamily(trx, token.familyId, now);
        return 'invalid';
      }
      if (decision.kind === 'reject') return 'invalid';
      const user = await this.users.byId(trx, token.userId);
      if (!user || !canSignIn(user)) {
        await this.refreshTokens.revokeFamily(trx, token.familyId, now);
        return 'invalid';
      }
      await this.refreshTokens.markRotated(trx, token.id, now);
      return this.open(trx, user, token.familyId);
    });
    if (outcome === 'invalid') throw new InvalidRefreshTokenError();
    return outcome;
  }

  /** Ends the login the token belongs to; an unknown token is already logged out. */
  async logout(refreshToken: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const token = await this.refreshTokens.byHashForUpdate(trx, hashOpaqueToken(refreshToken));
      if (token) await this.refreshTokens.revokeFamily(trx, token.familyId, this.clock.now());
    });
  }

  /** A new token pair: of a new family for a login, of the same family for a refresh. */
  async open(trx: Knex.Transaction, user: User, familyId = this.ids.next()): Promise<Session> {
    const now = this.clock.now();
    const secret = newOpaqueToken();
    await this.refreshTokens.insert(trx, issueRefreshToken({ id: this.ids.next(), familyId, userId: user.id, now }), secret.hash, now);
    const { accessToken, expiresIn } = await this.accessTokens.issue(user, this.ids.next(), now);
    return { accessToken, refreshToken: secret.token, expiresIn };
  }
}
