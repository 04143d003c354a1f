import { RateLimitedError } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { CONVERSATIONS_CONFIG, type ConversationsConfig } from '../conversations-config';
import { decideRate, type RateRule, windowStartOf } from '../domain/rate-window';
import { RateWindowsRepository } from '../infrastructure/rate-windows-repository';

export type RateLimited = 'message' | 'open';

const REFUSALS: Record<RateLimited, { code: string; what: string }> = {
  message: { code: 'too_many_messages', what: 'messages' },
  open: { code: 'too_many_conversations', what: 'new conversations' },
};

/** Per-user limits on messages and new conversations, counted in PostgreSQL so that every instance shares them. */
@Injectable()
export class RateLimiter {
  private readonly rules: Record<RateLimited, RateRule>;

  constructor(
    private readonly windows: RateWindowsRepository,
    @Inject(CONVERSATIONS_CONFIG) config: ConversationsConfig,
  ) {
    this.rules = {
      message: { limit: config.CONVERSATIONS_MESSAGE_LIMIT, windowMs: config.CONVERSATIONS_MESSAGE_WINDOW_MS },
      open: { limit: config.CONVERSATIONS_OPEN_LIMIT, windowMs: config.CONVERSATIONS_OPEN_WINDOW_MS },
    };
  }

  /** Counts one request in the caller's transaction (so it is not counted if that rolls back), or refuses it with a 429. */
  async take(trx: Knex.Transaction, limited: RateLimited, userId: string, now: Date): Promise<void> {
    const rule = this.rules[limited];
    const key = `${limited}:${userId}`;
    const start = windowStartOf(now, rule);
    const counts = await this.windows.lockCounts(trx, key, start, new Date(start.getTime() - rule.windowMs));
    const decision = decideRate(rule, counts, now);
    if (!decision.allowed) {
      const seconds = Math.ceil(decision.retryAfterMs / 1000);
      const { code, what } = REFUSALS[limited];
      throw new RateLimitedError(`Too many ${what}: at most ${rule.limit} in ${rule.windowMs / 1000} s. Try again in ${seconds} s.`, seconds, { code });
    }
    await this.windows.increment(trx, key, start);
  }

  /** Drops windows too old to count in any rule. */
  async prune(db: Knex, now: Date): Promise<void> {
    const longest = Math.max(...Object.values(this.rules).map((rule) => rule.windowMs));
    await this.windows.prune(db, new Date(now.getTime() - 2 * longest));
  }
}
