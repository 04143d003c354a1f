import { LOGGER, PeriodicTask, PLATFORM_CONFIG } from '@marketplace/platform';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import type { PaymentsConfig } from '../../payments-config';
import { PaymentReconciler } from './payment-reconciler';

/** Runs a reconciliation pass every PAYMENT_RECONCILE_INTERVAL_MS, never two at once in this process. */
@Injectable()
export class ReconciliationLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(reconciler: PaymentReconciler, @Inject(PLATFORM_CONFIG) config: PaymentsConfig, @Inject(LOGGER) logger: Logger) {
    this.task = new PeriodicTask({ name: 'reconciliation pass', intervalMs: config.PAYMENT_RECONCILE_INTERVAL_MS, logger, pass: () => reconciler.reconcileOnce() });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  /** Lets a running pass finish before the event store and the database close. */
  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
