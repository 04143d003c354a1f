import { CLOCK, type Clock, nameBasedId } from '@marketplace/kernel';
import { KNEX, LOGGER, PeriodicTask, PLATFORM_CONFIG } from '@marketplace/platform';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { DisputeWindows } from '../../disputes/application/dispute-windows';
import { OrderStreams } from '../../orders/application/order-streams';
import type { OrderCommand } from '../../orders/domain/order-commands';
import { AWAITING_CHECKOUT } from '../../orders/domain/order-state';
import type { OrdersConfig } from '../../orders-config';
import { CheckoutService } from './checkout.service';

/** Namespace of the deadline inputs' ids: one per order, so the checkout records it once however often it fires. */
const DEADLINES = 'c4d2a6e8-3f1b-4b7d-9c5e-2a8f6b0d4e13';
const BATCH = 100;

/**
 * The durable timers: the read models say which orders are past their payment deadline, their
 * automatic delivery time or the end of their dispute window (they survive restarts, and are rebuilt
 * from the events), and every poll feeds them to the checkout or the order. Firing twice, or from two
 * instances, is harmless: the checkout and the order's status guards make a repeat a no-op.
 */
@Injectable()
export class DeadlineTimers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;
  private readonly log: Logger;

  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly config: OrdersConfig,
    @Inject(LOGGER) logger: Logger,
    private readonly checkout: CheckoutService,
    private readonly orders: OrderStreams,
    private readonly disputeWindows: DisputeWindows,
  ) {
    this.log = logger.child({ component: 'deadline-timers' });
    this.task = new PeriodicTask({ name: 'looking for due timers', intervalMs: config.ORDER_DEADLINE_POLL_MS, logger: this.log, pass: () => this.fireDue() });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  /** Lets a running pass finish before the event store and the database close. */
  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass over what is due now; each order's failure is logged and retried on the next pass. */
  async fireDue(): Promise<void> {
    const now = this.clock.now();
    const unpaid = await this.due('status = ANY(?) AND placed_at <= ?', [AWAITING_CHECKOUT, new Date(now.getTime() - this.config.CHECKOUT_PAYMENT_TIMEOUT_MS)]);
    const undelivered = await this.due("status = 'shipped' AND shipped_at <= ?", [new Date(now.getTime() - this.config.ORDER_AUTO_DELIVERY_AFTER_MS)]);
    const at = now.toISOString();
    for (const orderId of unpaid) {
      const inputId = nameBasedId(DEADLINES, `payment/${orderId}`);
      await this.attempt(orderId, () => this.checkout.handle({ type: 'PaymentDeadlinePassed', inputId, orderId, at }, orderId));
    }
    await this.onEachOrder(undelivered, 'auto-delivery', { type: 'ConfirmDelivery', by: { kind: 'system' }, at });
    const windowMs = this.config.DISPUTE_WINDOW_MS;
    const windowsRunOut = await this.disputeWindows.due(new Date(now.getTime() - windowMs), BATCH);
    await this.onEachOrder(windowsRunOut, 'dispute-window', { type: 'CloseDisputeWindow', windowMs, at });
  }

  /** The order's command, as the system, on each order. */
  private async onEachOrder(orderIds: string[], commandId: string, command: OrderCommand): Promise<void> {
    for (const orderId of orderIds) {
      const context = { commandId, actor: { kind: 'system' as const }, correlationId: orderId };
      await this.attempt(orderId, () => this.orders.execute(orderId, command, context));
    }
  }

  private async due(condition: string, values: unknown[]): Promise<string[]> {
    const rows = await this.db('order_summaries').whereRaw(condition, values as Knex.RawBinding[]).orderBy('placed_at').limit(BATCH).select<{ order_id: string }[]>('order_id');
    return rows.map((row) => row.order_id);
  }

  private async attempt(orderId: string, fire: () => Promise<unknown>): Promise<void> {
    try {
      await fire();
    } catch (error) {
      this.log.error({ err: error, orderId }, 'a due timer failed; it fires again on the next poll');
    }
  }
}
