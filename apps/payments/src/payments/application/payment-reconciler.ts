import { CLOCK, type Clock } from '@marketplace/kernel';
import { LOGGER, PLATFORM_CONFIG } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { ReconciliationLock } from '../infrastructure/reconciliation/reconciliation-lock';
import { ReconciliationQueue } from '../infrastructure/reconciliation/reconciliation-queue';
import type { PaymentsConfig } from '../../payments-config';
import { PaymentSettlement } from './payment-settlement';

/** Payments looked at per pass; the least recently tried come first, so the rest wait for the next pass. */
const BATCH_SIZE = 100;

export interface ReconciliationReport {
  checked: string[];
  failed: string[];
}

/**
 * The safety net behind the bus and the webhooks: settles the payments left open, or with reserved
 * refunds, for longer than PAYMENT_RECONCILE_AFTER_MS (a charge re-sent with its key when the provider
 * never answered, a status query, a refund re-sent), and mobile money pushes unanswered for longer than
 * MOBILE_MONEY_QUERY_AFTER_MS (a status query, which also expires a push nobody answered). One instance at a time; one payment's failure is
 * noted and never stops the others.
 */
@Injectable()
export class PaymentReconciler {
  constructor(
    private readonly settlement: PaymentSettlement,
    private readonly queue: ReconciliationQueue,
    private readonly lock: ReconciliationLock,
    @Inject(PLATFORM_CONFIG) private readonly config: PaymentsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** One pass; undefined when another instance is reconciling. */
  reconcileOnce(): Promise<ReconciliationReport | undefined> {
    return this.lock.exclusively(async () => {
      const report: ReconciliationReport = { checked: [], failed: [] };
      const now = this.clock.now().getTime();
      const due = await this.queue.due(new Date(now - this.config.PAYMENT_RECONCILE_AFTER_MS), BATCH_SIZE, new Date(now - this.config.MOBILE_MONEY_QUERY_AFTER_MS));
      for (const paymentId of due) {
        try {
          await this.settlement.settle(paymentId, { reconciling: true });
          await this.queue.attempted(paymentId, this.clock.now());
          report.checked.push(paymentId);
        } catch (error) {
          this.logger.warn({ err: error, paymentId }, 'reconciliation could not settle a payment; it is tried again next pass');
          await this.queue.attempted(paymentId, this.clock.now(), error instanceof Error ? error.message : String(error));
          report.failed.push(paymentId);
        }
      }
      return report;
    });
  }
}
