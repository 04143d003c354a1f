import type { MarketplaceEvent } from '@marketplace/contracts';
import { isEventType } from '@marketplace/contracts';
import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { DisputeFacts } from '../notifications/handlers';

/**
 * Each dispute as DisputeOpened told it (kind, buyer, disputed lines with their sellers): the later
 * dispute events carry only the dispute, order and buyer ids, and their messages go to the sellers too.
 */
@Injectable()
export class DisputeFactsRepository {
  /** Records DisputeOpened; returns the dispute id so that events parked until it was known can go on. */
  async apply(trx: Knex.Transaction, event: MarketplaceEvent): Promise<string | undefined> {
    if (!isEventType(event, 'marketplace.orders.DisputeOpened.v1')) return undefined;
    await trx('dispute_facts').insert({ id: event.data.disputeId, order_id: event.data.orderId, opened: event.data }).onConflict('id').ignore();
    return event.data.disputeId;
  }

  async find(db: Knex, disputeId: string): Promise<DisputeFacts | undefined> {
    const row = await db('dispute_facts').where({ id: disputeId }).first<{ opened: DisputeFacts } | undefined>('opened');
    return row?.opened;
  }
}
