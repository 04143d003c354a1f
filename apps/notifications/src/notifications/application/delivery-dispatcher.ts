import { CLOCK, type Clock } from '@marketplace/kernel';
import { retryPolicy, type RetryPolicy } from '@marketplace/messaging';
import { KNEX, LOGGER, PeriodicTask, PLATFORM_CONFIG } from '@marketplace/platform';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { NotificationsConfig } from '../../notifications-config';
import type { Delivery } from '../domain/delivery';
import { nextStep } from '../domain/delivery-outcome';
import { DeliveriesRepository } from '../infrastructure/deliveries-repository';
import { ChannelSenders } from './channel-senders';
import { DeliveryOutcomes } from './delivery-outcomes';

/**
 * Sends the email and SMS deliveries that are due, on every instance: each claims a batch with a lease
 * (rows claimed elsewhere are skipped), sends a few at a time, and records each outcome. A delivery
 * whose sender died keeps its lease until it runs out, then is tried again.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;
  private readonly policy: RetryPolicy;

  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
    private readonly deliveries: DeliveriesRepository,
    private readonly senders: ChannelSenders,
    private readonly outcomes: DeliveryOutcomes,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.policy = retryPolicy({ maxAttempts: config.NOTIFY_MAX_ATTEMPTS, initialDelayMs: config.NOTIFY_RETRY_INITIAL_MS, maxDelayMs: config.NOTIFY_RETRY_MAX_MS, multiplier: 2, jitter: 0.5 });
    this.task = new PeriodicTask({ name: 'delivery dispatch', intervalMs: config.NOTIFY_DISPATCH_INTERVAL_MS, logger: logger.child({ component: 'dispatcher' }), pass: () => this.pass() });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  /** The last pass finishes first; then the senders' pooled connections (SMTP) are closed. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.task.stop();
    this.senders.email.close?.();
    this.senders.sms.close?.();
  }

  /** Sends until nothing is due. */
  async pass(): Promise<void> {
    const batch = this.config.NOTIFY_SEND_CONCURRENCY * 4;
    for (;;) {
      const now = this.clock.now();
      const claimed = await this.deliveries.claim(this.db, now, new Date(now.getTime() + this.config.NOTIFY_SEND_LEASE_MS), batch);
      await this.sendAll(claimed);
      if (claimed.length < batch) return;
    }
  }

  private async sendAll(claimed: Delivery[]): Promise<void> {
    const queue = [...claimed];
    const worker = async () => {
      for (let delivery = queue.shift(); delivery; delivery = queue.shift()) await this.send(delivery);
    };
    await Promise.all(Array.from({ length: Math.min(this.config.NOTIFY_SEND_CONCURRENCY, queue.length) }, worker));
  }

  private async send(delivery: Delivery): Promise<void> {
    const sender = delivery.channel === 'sms' ? this.senders.sms : this.senders.email;
    const result = await sender.send(delivery);
    await this.outcomes.record(delivery, nextStep(result, delivery.attempts, this.policy, this.clock.now(), Math.random()));
  }
}
