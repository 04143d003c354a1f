import { LOGGER } from '@marketplace/platform';
import { Outbox } from '@marketplace/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { CLOCK, type Clock } from '@marketplace/kernel';
import { type SettleAction, settleReservation } from '../domain/reservation';
import { mergeRequests, planReservation, type StockRequest } from '../domain/reservation-plan';
import { InventoryRepository } from '../infrastructure/inventory-repository';
import { CloudEventFactory, type EventCause } from '@marketplace/contracts';

export type ReserveOutcome = 'reserved' | 'failed' | 'duplicate';
export type SettleOutcome = 'released' | 'committed' | 'ignored';

/**
 * Reservations keyed by order id. Each method runs inside the caller's transaction (the inbox's), so
 * the stock rows, the reservation row, the outbox event and the inbox record commit together.
 */
@Injectable()
export class ReservationsService {
  private readonly log: Logger;

  constructor(
    private readonly outbox: Outbox,
    private readonly repository: InventoryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly events: CloudEventFactory,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'reservations' });
  }

  /**
   * Reserves every line of the order or none. The order id is claimed first, so a second delivery of
   * the same order (under any event id) waits for the first and then does nothing. The stock rows are
   * then locked in product id order, checked all together, and only then updated.
   */
  async reserve(trx: Knex.Transaction, orderId: string, lines: readonly StockRequest[], cause: EventCause): Promise<ReserveOutcome> {
    const at = this.clock.now();
    const requests = mergeRequests(lines);
    if (!(await this.repository.claim(trx, orderId, requests, at))) {
      this.log.info({ orderId, eventId: cause.eventId }, 'order already has a reservation outcome; nothing reserved again');
      return 'duplicate';
    }
    const levels = await this.repository.lock(trx, requests.map((request) => request.productId));
    const plan = planReservation(requests, levels);
    const meta = { at, cause };
    if (plan.outcome === 'failed') {
      await this.repository.markFailed(trx, orderId, plan.shortages, at);
      await this.outbox.enqueue(trx, [this.events.create('marketplace.catalog.StockReservationFailed.v1', orderId, { orderId, shortages: plan.shortages, failedAt: at.toISOString() }, meta)]);
      return 'failed';
    }
    await this.repository.save(trx, plan.levels, at);
    await this.outbox.enqueue(trx, [this.events.create('marketplace.catalog.StockReserved.v1', orderId, { orderId, lines: plan.lines, reservedAt: at.toISOString() }, meta)]);
    return 'reserved';
  }

  /**
   * Gives an order's stock back (release: reserved, or committed and so back on hand) or takes it out of
   * the stock on hand (commit); anything else is a logged no-op.
   */
  async settle(trx: Knex.Transaction, action: SettleAction, orderId: string, cause: EventCause): Promise<SettleOutcome> {
    const at = this.clock.now();
    const reservation = await this.repository.lockReservation(trx, orderId);
    const holdsStock = reservation?.status === 'reserved' || (action === 'release' && reservation?.status === 'committed');
    const levels = holdsStock ? await this.repository.lock(trx, reservation.lines.map((line) => line.productId)) : [];
    const settlement = settleReservation(action, reservation, levels);
    if (settlement.outcome === 'ignored') {
      this.log.info({ orderId, action, eventId: cause.eventId, reason: settlement.reason }, 'nothing to settle');
      return 'ignored';
    }
    await this.repository.save(trx, settlement.levels, at);
    await this.repository.setStatus(trx, orderId, settlement.status, at);
    const meta = { at, cause };
    const event =
      settlement.status === 'released'
        ? this.events.create('marketplace.catalog.StockReleased.v1', orderId, { orderId, lines: settlement.lines, releasedAt: at.toISOString() }, meta)
        : this.events.create('marketplace.catalog.StockCommitted.v1',
            orderId,
            { orderId, lines: settlement.lines.map(({ productId, quantity }) => ({ productId, quantity })), committedAt: at.toISOString() },
            meta,
          );
    await this.outbox.enqueue(trx, [event]);
    return settlement.status;
  }
}
