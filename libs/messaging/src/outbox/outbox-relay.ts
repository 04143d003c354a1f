import type { CloudEvent } from '@marketplace/contracts';
import { escapeIdentifier } from 'pg';
import type { BusLogger } from '../bus-support/bus-logger';
import type { OutgoingMessage, Producer } from '../port';
import { type LeaderSession, LeaderLoop } from '../relay/leader-session';
import { outboxChannel } from './outbox';

export interface OutboxRelayOptions {
  databaseUrl: string;
  /** The schema whose outbox this relay publishes; one relay leads per schema. */
  schema: string;
  producer: Pick<Producer, 'send'>;
  /** Rows per send (default 100). */
  batchSize?: number;
  /** Longest wait for new rows when no NOTIFY comes (default 1000 ms). */
  pollIntervalMs?: number;
  /** Pause between tries for leadership, and after a failure (default 1000 ms). */
  retryMs?: number;
  logger?: BusLogger;
}

/** A row of a service's outbox as the relay reads it. */
export interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  event: CloudEvent;
}

/**
 * Publishes the outbox: unpublished rows in id order, a batch per send, marked published only after the
 * broker acknowledged them. At least once: a crash between the ack and the mark sends those rows again.
 *
 * It marks rows rather than keeping a high-water mark, so a row whose transaction commits after a row
 * with a higher id is still picked up on the next pass. Per-key order holds as long as the writers of
 * one aggregate serialise on it (they lock or version its row), which gives its rows ascending ids.
 */
export class OutboxRelay {
  private readonly leader: LeaderLoop;
  private readonly table: string;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.table = `${escapeIdentifier(options.schema)}.outbox`;
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.leader = new LeaderLoop({
      databaseUrl: options.databaseUrl,
      lockName: `outbox:${options.schema}`,
      channel: outboxChannel(options.schema),
      retryMs: options.retryMs ?? 1_000,
      logger: options.logger ?? (() => undefined),
      lead: (session) => this.publish(session),
    });
  }

  get isLeader(): boolean {
    return this.leader.isLeader;
  }

  start(): void {
    this.leader.start();
  }

  /** Finishes the batch in flight, then gives up leadership. */
  stop(): Promise<void> {
    return this.leader.stop();
  }

  private async publish(session: LeaderSession): Promise<void> {
    while (!session.signal.aborted) {
      const { rows } = await session.client.query<OutboxRow>(
        `select id, topic, key, event from ${this.table} where published_at is null order by id limit $1`,
        [this.batchSize],
      );
      if (rows.length === 0) {
        await session.idle(this.pollIntervalMs);
        continue;
      }
      await this.options.producer.send(rows.map(outboxMessage));
      await session.client.query(`update ${this.table} set published_at = now() where id = any($1::bigint[])`, [rows.map((r) => r.id)]);
    }
  }
}

/** The message the relay sends for an outbox row; republishing a row from the outbox sends the same. */
export function outboxMessage(row: Pick<OutboxRow, 'topic' | 'key' | 'event'>): OutgoingMessage {
  return { topic: row.topic, key: row.key, value: row.event };
}
