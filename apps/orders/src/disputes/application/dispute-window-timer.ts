import { CLOCK, type Clock } from '@marketplace/kernel';
import { KNEX, LOGGER, PeriodicTask, PLATFORM_CONFIG } from '@marketplace/platform';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { OrderStreams } from '../../orders/application/order-streams';
import type { OrdersConfig } from '../../orders-config';

const BATCH = 100;

/**
 * The durable timer of the dispute windows: the dispute read model holds each delivered order's window
 * (state in PostgreSQL, rebuilt from the events), and every poll closes those that ran out, on the
 * order stream. Firing twice, or from two instances, is harmless: the order closes its window once.
 */
@Injectable()
export class DisputeWindowTimer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;
  private readonly log: Logger;

  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly config: OrdersConfig,
    @Inject(LOGGER) logger: Logger,
    private readonly orders: OrderStreams,
  ) {
    this.log = logger.child({ component: 'dispute-window-timer' });
    this.task = new PeriodicTask({ name: 'closing dispute windows', intervalMs: config.ORDER_DEADLINE_POLL_MS, logger: this.log, pass: () => this.closeDue() });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass; an order's failure is logged and retried on the next pass. */
  async closeDue(): Promise<void> {
    const now = this.clock.now();
    const windowMs = this.config.DISPUTE_WINDOW_MS;
    const due = await this.db('dispute_windows')
      .whereNull('closed_at')
      .where('delivered_at', '<=', new Date(now.getTime() - windowMs))
      .orderBy('delivered_at')
      .limit(BATCH)
      .pluck<string[]>('order_id');
    for (const orderId of due) {
      const context = { commandId: 'dispute-window', actor: { kind: 'system' as const }, correlationId: orderId };
      try {
        await this.orders.execute(orderId, { type: 'CloseDisputeWindow', windowMs, at: now.toISOString() }, context);
      } catch (error) {
        this.log.error({ err: error, orderId }, 'closing a dispute window failed; it is tried again on the next poll');
      }
    }
  }
}
