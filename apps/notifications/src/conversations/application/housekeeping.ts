import { CLOCK, type Clock } from '@marketplace/kernel';
import { KNEX, LOGGER, PeriodicTask } from '@marketplace/platform';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { CONVERSATIONS_CONFIG, type ConversationsConfig } from '../conversations-config';
import { PresenceRegistry } from './presence-registry';
import { RateLimiter } from './rate-limiter';

/**
 * Every heartbeat: this instance tells it is alive (its users stay present), dead instances and
 * old rate windows are dropped. The first beat runs before the service takes connections.
 */
@Injectable()
export class Housekeeping implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly presence: PresenceRegistry,
    private readonly rateLimiter: RateLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONVERSATIONS_CONFIG) config: ConversationsConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.task = new PeriodicTask({ name: 'conversations housekeeping', intervalMs: config.CONVERSATIONS_HEARTBEAT_MS, logger, pass: () => this.pass() });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.pass();
    this.task.start();
  }

  /** Leaves before the database closes: this instance's users are offline at once rather than after missed beats. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.task.stop();
    await this.presence.leave();
  }

  private async pass(): Promise<void> {
    await this.presence.beat();
    await this.rateLimiter.prune(this.db, this.clock.now());
  }
}
