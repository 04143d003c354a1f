import type { AuthenticatedUser } from '@marketplace/auth';
import type { DisputeReason } from '@marketplace/contracts';
import { CLOCK, type Clock, DomainError, ID_GENERATOR, type IdGenerator, nameBasedId } from '@marketplace/kernel';
import { KNEX, PLATFORM_CONFIG } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { refusalOutcome } from '../../orders/application/first-answer';
import { OrderStreams } from '../../orders/application/order-streams';
import { IdempotencyKeyReusedError, OrderNotFoundError } from '../../orders/domain/order-errors';
import type { ActiveOrder } from '../../orders/domain/order-state';
import type { OrdersConfig } from '../../orders-config';
import { canonicalHash } from '../../shared/canonical-hash';
import { DisputeRequestsRepository, type DisputeRequestOutcome, replayDisputeOutcome } from '../infrastructure/dispute-requests-repository';
import { disputedLines } from '../domain/disputed-lines';
import { DisputeStreams } from './dispute-streams';

/** Namespace of the ids of disputes opened with an Idempotency-Key (derived from the buyer, the order and the key). */
const DISPUTE_IDS = '5e0c9b7a-4d3f-4a21-8c6e-0f9a8b7c6d5e';

export interface OpenDisputeRequest {
  lineIds: string[];
  reason: Exclude<DisputeReason, 'chargeback'>;
  description: string;
}

/**
 * POST orders/:id/disputes. The order holds the lines first (it enforces the window, the shipped lines
 * and one open dispute per line), then the dispute's stream is opened. With an Idempotency-Key the
 * dispute id is derived and the first answer kept, so a retry (even after a crash between the two
 * appends) opens the same dispute once and gets the same answer.
 */
@Injectable()
export class OpenDisputeService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(PLATFORM_CONFIG) private readonly config: OrdersConfig,
    private readonly orders: OrderStreams,
    private readonly disputes: DisputeStreams,
    private readonly requests: DisputeRequestsRepository,
  ) {}

  async open(buyer: AuthenticatedUser, orderId: string, request: OpenDisputeRequest, key: string | undefined, requestId: string): Promise<{ disputeId: string; status: string }> {
    const { state } = await this.orders.existing(orderId);
    if (state.order.buyerId !== buyer.id) throw new OrderNotFoundError();
    if (key === undefined) return this.openNew(buyer, state, this.ids.next(), request, requestId);
    const requestHash = canonicalHash({ orderId, ...request });
    const disputeId = nameBasedId(DISPUTE_IDS, `${buyer.id}/${key}`);
    const claimed = await this.requests.claim(this.db, buyer.id, key, { requestHash, id: disputeId }, this.clock.now());
    if (claimed.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    if (claimed.outcome) return replayDisputeOutcome(claimed.outcome);
    let outcome: DisputeRequestOutcome;
    try {
      outcome = { kind: 'opened', ...(await this.openNew(buyer, state, disputeId, request, requestId)) };
    } catch (error) {
      // Only a business refusal is an answer; anything else leaves the request open for a retry.
      if (!(error instanceof DomainError)) throw error;
      outcome = refusalOutcome(error) as DisputeRequestOutcome;
    }
    return replayDisputeOutcome(await this.requests.answer(this.db, buyer.id, key, outcome));
  }

  private async openNew(buyer: AuthenticatedUser, order: ActiveOrder, disputeId: string, request: OpenDisputeRequest, requestId: string): Promise<{ disputeId: string; status: string }> {
    const at = this.clock.now().toISOString();
    const { orderId } = order.order;
    const context = { commandId: `open/${disputeId}`, actor: { kind: 'buyer' as const, userId: buyer.id }, correlationId: requestId };
    const hold = { type: 'HoldLinesForDispute', disputeId, by: 'buyer', productIds: request.lineIds, windowMs: this.config.DISPUTE_WINDOW_MS, at } as const;
    await this.orders.execute(orderId, hold, context);
    const opened = {
      disputeId,
      orderId,
      buyerId: buyer.id,
      // Held lines have shipped, so the order was paid.
      paymentId: order.paymentId as string,
      kind: 'buyer' as const,
      lines: disputedLines(order.order, request.lineIds),
      reason: request.reason,
      description: request.description,
      openedAt: at,
    };
    const after = await this.disputes.execute(disputeId, { type: 'OpenDispute', opened }, context);
    return { disputeId, status: after.state.status };
  }
}
