import { migrateUnderLock, withTransaction } from '@marketplace/postgres';
import type { Pool } from 'pg';

/** A dead letter's place in its dead-letter topic: `<partition>:<offset>`. */
export type LetterPlace = string;

/**
 * The dead letters already replayed, in the marketplace's database (schema `ops`) whatever the bus:
 * a Kafka topic cannot have one message removed, so a replayed letter stays in `<topic>.dlq` and is
 * marked here, and a second replay skips it.
 */
export class ReplayLedger {
  constructor(private readonly pool: Pool) {}

  migrate(): Promise<void> {
    return migrateUnderLock(
      this.pool,
      'marketplace.ops.dlq-replays',
      `create schema if not exists ops;
       create table if not exists ops.dlq_replays (
         dlq_topic text not null,
         place text not null,
         event_id text,
         replayed_at timestamptz not null default now(),
         primary key (dlq_topic, place)
       )`,
    );
  }

  /** When each replayed letter of the topic was replayed. */
  async replayed(dlqTopic: string): Promise<Map<LetterPlace, Date>> {
    const { rows } = await this.pool.query<{ place: string; replayed_at: Date }>('select place, replayed_at from ops.dlq_replays where dlq_topic = $1', [dlqTopic]);
    return new Map(rows.map((row) => [row.place, row.replayed_at]));
  }

  /**
   * Marks the letters and runs `send` in one transaction: if `send` fails nothing is marked; a concurrent
   * replay of the same letters waits for this one, then finds them marked and sends nothing (false).
   */
  async replayOnce(dlqTopic: string, letters: readonly { place: LetterPlace; eventId?: string }[], send: () => Promise<void>): Promise<boolean> {
    return withTransaction(this.pool, async (client) => {
      const { rowCount } = await client.query(
        `insert into ops.dlq_replays (dlq_topic, place, event_id) select $1, place, event_id from unnest($2::text[], $3::text[]) as l(place, event_id)
         on conflict do nothing`,
        [dlqTopic, letters.map((l) => l.place), letters.map((l) => l.eventId ?? null)],
      );
      if (rowCount !== letters.length) return false;
      await send();
      return true;
    });
  }
}
