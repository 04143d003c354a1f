import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { CLOCK, type Clock } from '@marketplace/kernel';
import { TooManyLoginAttemptsError } from '../domain/errors';
import { throttleDecision, type ThrottleLimit } from '../domain/login-throttle';
import type { IdentityConfig } from '../identity-config';
import { type FailureScope, LoginFailuresRepository } from '../infrastructure/login-failures-repository';
import { IDENTITY_CONFIG } from './tokens';

/** Who is trying: the account by its normalised email (known or not, so that limits reveal nothing) and the client IP. */
export interface LoginSource {
  email: string;
  ip: string;
}

/** Failed logins per account and per client IP, over a sliding window kept in the database (shared by every instance). */
@Injectable()
export class LoginThrottle {
  private readonly limits: Record<FailureScope, ThrottleLimit>;

  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(IDENTITY_CONFIG) config: IdentityConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly failures: LoginFailuresRepository,
  ) {
    const windowMs = config.LOGIN_FAILURE_WINDOW_SECONDS * 1000;
    this.limits = {
      account: { maxFailures: config.LOGIN_MAX_FAILURES_PER_ACCOUNT, windowMs },
      ip: { maxFailures: config.LOGIN_MAX_FAILURES_PER_IP, windowMs },
    };
  }

  /** Throws TooManyLoginAttemptsError (429, Retry-After) while either scope is over its limit. */
  async assertAllowed(source: LoginSource): Promise<void> {
    const now = this.clock.now();
    const waits = await Promise.all(
      (['account', 'ip'] as const).map(async (scope) => {
        const limit = this.limits[scope];
        const failures = await this.failures.since(this.db, scope, this.keyOf(scope, source), new Date(now.getTime() - limit.windowMs));
        const decision = throttleDecision(failures, limit, now);
        return decision.blocked ? decision.retryAfterSeconds : 0;
      }),
    );
    const retryAfter = Math.max(...waits);
    if (retryAfter > 0) throw new TooManyLoginAttemptsError(retryAfter);
  }

  async recordFailure(source: LoginSource): Promise<void> {
    const now = this.clock.now();
    await this.failures.record(this.db, 'account', source.email, now);
    await this.failures.record(this.db, 'ip', source.ip, now);
    const longest = Math.max(this.limits.account.windowMs, this.limits.ip.windowMs);
    await this.failures.prune(this.db, new Date(now.getTime() - longest));
  }

  /** A successful login clears the account's count (not the IP's: one good password must not unlock guessing at others). */
  async recordSuccess(source: LoginSource): Promise<void> {
    await this.failures.clear(this.db, 'account', source.email);
  }

  private keyOf(scope: FailureScope, source: LoginSource): string {
    return scope === 'account' ? source.email : source.ip;
  }
}
