import { LOGGER, PLATFORM_CONFIG } from '@marketplace/platform';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import type { PaymentsConfig } from '../payments-config';
import { PaymentReconciler } from './payment-reconciler';

/** Runs a reconciliation pass every PAYMENT_RECONCILE_INTERVAL_MS, never two at once in this process. */
@Injectable()
export class ReconciliationLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private pass?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly reconciler: PaymentReconciler,
    @Inject(PLATFORM_CONFIG) private readonly config: PaymentsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  /** Lets a running pass finish before the event store and the database close. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.pass = this.reconciler
        .reconcileOnce()
        .catch((error: unknown) => this.logger.error({ err: error }, 'reconciliation pass failed'))
        .finally(() => this.schedule());
    }, this.config.PAYMENT_RECONCILE_INTERVAL_MS);
    // A pending pass must not keep the process alive on its own.
    this.timer.unref();
  }
}
