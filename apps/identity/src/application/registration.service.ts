import { CloudEventFactory, DEFAULT_LOCALE } from '@marketplace/contracts';
import { Outbox } from '@marketplace/messaging';
import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { normaliseEmail } from '../domain/email';
import { EmailTakenError, WeakPasswordError } from '../domain/errors';
import { passwordPolicyViolations } from '../domain/password-policy';
import { registerUser, type User } from '../domain/user';
import { PasswordHasher } from '../infrastructure/password-hasher';
import { UsersRepository } from '../infrastructure/users-repository';
import { accountOpenedEvents, type SignUp } from './account-events';
import { OneTimeLinks } from './one-time-links';

export interface Registration {
  email: string;
  password: string;
  name: string;
  /** A canonical BCP 47 tag; `en` when not given. */
  locale?: string;
  /** E.164; none when not given. */
  phone?: string | null;
}

/** Sign-up: a buyer with an unverified email, announced with the verification link sealed for notifications (or, opened by a provider that proved the email, verified). */
@Injectable()
export class RegistrationService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly links: OneTimeLinks,
    private readonly events: CloudEventFactory,
    private readonly outbox: Outbox,
  ) {}

  /**
   * A taken email is answered 409: sign-up cannot hide that an address has an account without a
   * mail-first flow, so the per-IP rate limits bound how fast anyone can probe addresses.
   */
  async register(registration: Registration): Promise<User> {
    const email = normaliseEmail(registration.email);
    const violations = passwordPolicyViolations(registration.password, email);
    if (violations.length > 0) throw new WeakPasswordError(violations);
    const passwordHash = await this.hasher.hash(registration.password);
    const user = registerUser({
      id: this.ids.next(),
      email,
      name: registration.name.trim(),
      phone: registration.phone ?? null,
      locale: registration.locale ?? DEFAULT_LOCALE,
      passwordHash,
      now: this.clock.now(),
    });
    await this.db.transaction((trx) => this.open(trx, user, { method: 'password' }));
    return user;
  }

  /** Adds the account and announces it; an unverified email is sent a verification link, a proven one announced verified. */
  async open(trx: Knex.Transaction, user: User, signUp: SignUp): Promise<void> {
    if (!(await this.users.insert(trx, user))) throw new EmailTakenError();
    const at = user.createdAt;
    if (user.emailVerifiedAt) {
      const verified = { userId: user.id, email: user.email, verifiedAt: user.emailVerifiedAt.toISOString() };
      await this.outbox.enqueue(trx, [...accountOpenedEvents(this.events, user, signUp), this.events.create('marketplace.identity.EmailVerified.v1', user.id, verified, { at })]);
      return;
    }
    const link = await this.links.issue(trx, user.id, 'email_verification');
    await this.outbox.enqueue(trx, [
      ...accountOpenedEvents(this.events, user, signUp),
      this.events.create('marketplace.identity.EmailVerificationRequested.v1', user.id, {
        userId: user.id,
        verificationId: link.tokenId,
        email: user.email,
        requestedAt: at.toISOString(),
        expiresAt: link.expiresAt.toISOString(),
        sealedLink: link.sealedLink,
        keyId: link.keyId,
      }),
    ]);
  }
}
