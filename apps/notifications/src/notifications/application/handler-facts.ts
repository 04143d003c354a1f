import type { MarketplaceEvent } from '@marketplace/contracts';
import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { DisputeFactsRepository } from '../../dispute-facts/dispute-facts-repository';
import { OrderFactsRepository } from '../../order-facts/order-facts-repository';
import type { DisputeFacts, NotificationHandler, OrderFacts } from '../handlers';

export type Facts = { order?: OrderFacts; dispute?: DisputeFacts };

/**
 * The order and dispute an event's handlers name, from notifications' own projections; when one is not
 * known yet, the key the event waits under (`order:<id>`, `dispute:<id>`), released when it is learnt.
 */
@Injectable()
export class HandlerFacts {
  constructor(
    private readonly orders: OrderFactsRepository,
    private readonly disputes: DisputeFactsRepository,
  ) {}

  async load(trx: Knex.Transaction, handlers: readonly NotificationHandler[], { data }: MarketplaceEvent): Promise<{ known: Facts; waitingFor?: undefined } | { waitingFor: string }> {
    const orderId = named(handlers.map((handler) => handler.order?.(data)));
    const order = orderId === undefined ? undefined : await this.orders.find(trx, orderId);
    if (orderId !== undefined && !order) return { waitingFor: `order:${orderId}` };
    const disputeId = named(handlers.map((handler) => handler.dispute?.(data)));
    const dispute = disputeId === undefined ? undefined : await this.disputes.find(trx, disputeId);
    if (disputeId !== undefined && !dispute) return { waitingFor: `dispute:${disputeId}` };
    return { known: { order, dispute } };
  }
}

function named(ids: Array<string | undefined>): string | undefined {
  return ids.find((id) => id !== undefined);
}
