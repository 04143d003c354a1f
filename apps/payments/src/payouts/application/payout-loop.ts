import { KNEX, LOGGER, PeriodicTask, PLATFORM_CONFIG, schemaFor } from '@marketplace/platform';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { SessionLease } from '../../infrastructure/session-lease';
import type { PaymentsConfig } from '../../payments-config';
import { PayoutScheduler, type ScheduledPayout } from './payout-scheduler';

/** A payout pass every PAYOUT_INTERVAL_MS, and on an admin's request; one instance at a time (a lease). */
@Injectable()
export class PayoutLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;
  private readonly lease: SessionLease;

  constructor(
    private readonly scheduler: PayoutScheduler,
    @Inject(KNEX) db: Knex,
    @Inject(PLATFORM_CONFIG) config: PaymentsConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.lease = new SessionLease(db, `payments-payouts:${schemaFor(config.SERVICE_NAME)}`);
    this.task = new PeriodicTask({ name: 'payout pass', intervalMs: config.PAYOUT_INTERVAL_MS, logger, pass: () => this.runOnce() });
  }

  /** The payouts this pass scheduled; undefined when another pass holds the lease. */
  runOnce(): Promise<ScheduledPayout[] | undefined> {
    return this.lease.exclusively(() => this.scheduler.pass());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  /** Lets a running pass finish before the event store and the database close. */
  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
