import type { EventStore, SubscribeToAllOptions } from '@marketplace/event-store';
import type { Knex } from 'knex';
import type { BusLogger } from '../bus-support/bus-logger';
import type { Producer } from '../port';
import { type LeaderSession, LeaderLoop } from './leader-session';
import type { RecordedEventMapper } from './recorded-event-mapping';
import { RelayBatcher } from './relay-batcher';
import { RelayCheckpoints } from './relay-checkpoints';
import { type RelayItem, relayItem } from './relay-item';

/**
 * The batching a relay uses when its options leave it out. Batches form while one is in flight, so no
 * linger is needed for them to grow under load. The byte bound keeps a batch under Kafka's default
 * message.max.bytes (1 MB) even when all of it lands on one partition.
 */
export const DEFAULT_RELAY_BATCHING = { batchSize: 1_000, batchBytes: 900_000, lingerMs: 0 } as const;

export interface EventStoreRelayOptions {
  /** Names the checkpoint and the leadership: one active relay per name. */
  name: string;
  /** PostgreSQL holding the checkpoint (the service's database). */
  databaseUrl: string;
  /** The service's schema, where `relay_checkpoints` lives. */
  schema: string;
  store: EventStore;
  producer: Pick<Producer, 'send'>;
  /** CloudEvent `source`, e.g. `marketplace/orders`. */
  source: string;
  map: RecordedEventMapper;
  filter?: SubscribeToAllOptions['filter'];
  /** Most events per send and checkpoint (default 1,000). */
  batchSize?: number;
  /** Most bytes of messages (keys, values, headers) per send (default 900,000). */
  batchBytes?: number;
  /** Longest wait for a partial batch to fill while none is in flight (default 0). */
  lingerMs?: number;
  /** Pause between tries for leadership, and after a failure (default 1000 ms). */
  retryMs?: number;
  logger?: BusLogger;
}

/**
 * Publishes the event store's global log: subscribes from its durable checkpoint, maps each event to a
 * CloudEvent (validated against its contract), publishes a batch, and saves the checkpoint only after
 * the broker acknowledged it. One batch is in flight at a time; the next is read and mapped meanwhile,
 * and sent only after the first was acknowledged and checkpointed. At least once: after a crash the events since the checkpoint go out again,
 * in global order, so per-key order holds. A stored event that fails its contract stops the relay (and
 * it retries, logging the error) rather than being skipped: nothing committed is left unpublished.
 */
export class EventStoreRelay {
  private readonly leader: LeaderLoop;
  private readonly checkpoints: RelayCheckpoints;

  constructor(private readonly options: EventStoreRelayOptions) {
    this.checkpoints = new RelayCheckpoints(options.schema);
    this.leader = new LeaderLoop({
      databaseUrl: options.databaseUrl,
      lockName: `event-store-relay:${options.name}`,
      retryMs: options.retryMs ?? 1_000,
      logger: options.logger ?? (() => undefined),
      lead: (session) => this.relay(session),
    });
  }

  get isLeader(): boolean {
    return this.leader.isLeader;
  }

  /** Creates the checkpoint table if missing (e.g. from one of the service's knex migrations). */
  migrate(db: Knex): Promise<void> {
    return this.checkpoints.migrate(db);
  }

  start(): void {
    this.leader.start();
  }

  /** Publishes and checkpoints what is buffered, then gives up leadership. */
  stop(): Promise<void> {
    return this.leader.stop();
  }

  private async relay(session: LeaderSession): Promise<void> {
    const { name, store, filter } = this.options;
    const fromPosition = await this.checkpoints.load(session.client, name);
    const failed = new AbortController();
    const batcher = new RelayBatcher<RelayItem>({
      maxItems: this.options.batchSize ?? DEFAULT_RELAY_BATCHING.batchSize,
      maxBytes: this.options.batchBytes ?? DEFAULT_RELAY_BATCHING.batchBytes,
      bytesOf: (item) => item.bytes,
      lingerMs: this.options.lingerMs ?? DEFAULT_RELAY_BATCHING.lingerMs,
      flush: (batch) => this.publish(session, batch),
      onFailure: (error) => failed.abort(error),
    });
    const signal = AbortSignal.any([session.signal, failed.signal]);
    const { map, source } = this.options;
    const subscription = store.subscribeToAll({ fromPosition, filter, signal, onEvent: (event) => batcher.add(relayItem(event, map, source)) });
    try {
      await subscription.done;
    } finally {
      batcher.cancelLinger();
      // A send still in flight ends before the session does: the next leader resends from the checkpoint only after it.
      await batcher.settled();
    }
    if (batcher.error) throw batcher.error.error;
    await batcher.flush();
  }

  private async publish(session: LeaderSession, batch: RelayItem[]): Promise<void> {
    const messages = batch.flatMap((item) => item.message ?? []);
    if (messages.length > 0) await this.options.producer.send(messages);
    await this.checkpoints.save(session.client, this.options.name, batch[batch.length - 1].position);
  }
}
