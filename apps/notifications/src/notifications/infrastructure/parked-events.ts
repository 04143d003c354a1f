import { type MarketplaceEvent, parseCloudEvent } from '@marketplace/contracts';
import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';

/**
 * Events whose messages need something a projection does not know yet (the recipient's directory
 * entry, the order's lines, the dispute's parties): another topic's or partition's consumer may simply
 * be behind. They wait here, in the same transaction as the inbox record, and go on when the projection
 * learns it: none is lost, none goes to a dead-letter topic for being early.
 *
 * Parking and releasing take the key's lock (until commit), so a projection that learns the key while
 * an event is being parked in another transaction cannot miss it: either it commits before the park
 * takes the lock, and `learnt()` (a fresh read: READ COMMITTED) sees it, or its release waits for the
 * park's commit and finds the row. Parks take it shared, as they need not exclude one another: two
 * batches parking under the same keys in different orders do not deadlock.
 */
@Injectable()
export class ParkedEvents {
  /** Parks the event unless, under the key's lock, `learnt()` finds what it waits for after all; says whether it parked. */
  async parkUnlessLearnt(trx: Knex.Transaction, waitingFor: string, event: MarketplaceEvent, at: Date, learnt: () => Promise<boolean>): Promise<boolean> {
    await trx.raw('select pg_advisory_xact_lock_shared(hashtext(?))', [lockName(waitingFor)]);
    if (await learnt()) return false;
    await trx('parked_events').insert({ waiting_for: waitingFor, event_id: event.id, event: JSON.stringify(event), parked_at: at }).onConflict(['waiting_for', 'event_id']).ignore();
    return true;
  }

  /**
   * The key an earlier event of the same subject (its Kafka key, so its order of publication) waits
   * under for its order's or dispute's facts. A later one waits behind it, or a lagging consumer would
   * tell "resolved" before "opened". Waits for a recipient are left out: they hold one person's
   * message, not the event's, and the others got theirs.
   */
  async waitingAhead(trx: Knex.Transaction, event: MarketplaceEvent): Promise<string | undefined> {
    if (!event.subject) return undefined;
    const row = await trx('parked_events')
      .whereRaw("event->>'subject' = ?", [event.subject])
      .whereNot({ event_id: event.id })
      .where((query) => query.whereLike('waiting_for', 'order:%').orWhereLike('waiting_for', 'dispute:%'))
      .orderBy('seq')
      .first<{ waiting_for: string } | undefined>('waiting_for');
    return row?.waiting_for;
  }

  /** Called once the projection's write is in the transaction; the events come out in the order they were parked. */
  async release(trx: Knex.Transaction, waitingFor: string): Promise<MarketplaceEvent[]> {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [lockName(waitingFor)]);
    const rows = await trx('parked_events').where({ waiting_for: waitingFor }).delete().returning<Array<{ event: unknown; seq: string }>>(['event', 'seq']);
    return rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map((row) => parseCloudEvent(row.event));
  }
}

const lockName = (waitingFor: string) => `parked:${waitingFor}`;
