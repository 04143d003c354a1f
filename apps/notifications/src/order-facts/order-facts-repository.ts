import type { MarketplaceEvent } from '@marketplace/contracts';
import { isEventType } from '@marketplace/contracts';
import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { OrderFacts } from '../notifications/handlers';

/** Each order as OrderPlaced told it (lines, totals, buyer, sellers): what later order messages show. */
@Injectable()
export class OrderFactsRepository {
  /** Records OrderPlaced; returns the order id so that events parked until it was known can go on. */
  async apply(trx: Knex.Transaction, event: MarketplaceEvent): Promise<string | undefined> {
    if (!isEventType(event, 'marketplace.orders.OrderPlaced.v3')) return undefined;
    await trx('order_facts').insert({ id: event.data.orderId, buyer_id: event.data.buyerId, placed: event.data }).onConflict('id').ignore();
    return event.data.orderId;
  }

  async find(db: Knex, orderId: string): Promise<OrderFacts | undefined> {
    const row = await db('order_facts').where({ id: orderId }).first<{ placed: OrderFacts } | undefined>('placed');
    return row?.placed;
  }
}
