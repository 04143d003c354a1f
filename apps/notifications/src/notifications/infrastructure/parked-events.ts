import { type MarketplaceEvent, parseCloudEvent } from '@marketplace/contracts';
import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';

/**
 * Events whose messages need something a projection does not know yet (the recipient's directory
 * entry, the order's lines): another topic's consumer may simply be behind. They wait here, in the
 * same transaction as the inbox record, and go on when the projection learns it: none is lost, none
 * goes to a dead-letter topic for being early.
 */
@Injectable()
export class ParkedEvents {
  async park(trx: Knex.Transaction, waitingFor: string, event: MarketplaceEvent, at: Date): Promise<void> {
    await trx('parked_events').insert({ waiting_for: waitingFor, event_id: event.id, event: JSON.stringify(event), parked_at: at }).onConflict(['waiting_for', 'event_id']).ignore();
  }

  async release(trx: Knex.Transaction, waitingFor: string): Promise<MarketplaceEvent[]> {
    const rows = await trx('parked_events').where({ waiting_for: waitingFor }).delete().returning<Array<{ event: unknown; parked_at: Date }>>(['event', 'parked_at']);
    return rows.sort((a, b) => a.parked_at.getTime() - b.parked_at.getTime()).map((row) => parseCloudEvent(row.event));
  }
}
