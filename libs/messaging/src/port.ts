import type { CloudEvent } from '@marketplace/contracts';

/**
 * The message bus port. Kafka (kafkajs) and the embedded PostgreSQL bus implement it and pass one
 * contract suite; nothing outside the adapters imports kafkajs.
 */
export interface OutgoingMessage {
  topic: string;
  /** Aggregate id: per-key order is guaranteed. */
  key: string;
  /**
   * A CloudEvent is sent as its JSON, with `ce-type`, `ce-id` and `traceparent` headers taken from it.
   * Bytes are sent unchanged and get only the given headers: a dead letter keeps the original value,
   * which may not even be valid JSON.
   */
  value: CloudEvent | Buffer;
  headers?: Record<string, string>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  /** Raw value as received; the consumer pipeline parses and validates it. */
  value: Buffer;
  headers: Record<string, string>;
}

export interface Producer {
  /** Resolves once every message is durably acknowledged (acks=all for Kafka). */
  send(messages: OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

export interface TopicPartition {
  topic: string;
  partition: number;
}

/**
 * Consecutive messages of one partition, handed over together (Kafka: one fetched batch; embedded: the
 * rows of one read). Per-key order is partition order, so handling a batch's messages in the order
 * given keeps it.
 */
export interface MessageBatch extends TopicPartition {
  /** Oldest first; never empty. */
  messages: IncomingMessage[];
  /**
   * Marks every message up to and including `offset` as done. Only matters when `onBatch` then rejects
   * or returns early: what was resolved is committed, and the rest is delivered again from there.
   */
  resolveOffset(offset: string): void;
  /** Tells the group this member is alive during a long batch (Kafka's heartbeat; a no-op on the embedded bus). */
  heartbeat(): Promise<void>;
  /** False once the consumer is stopping or no longer holds the partition: stop, and leave the rest for redelivery. */
  isActive(): boolean;
}

export interface ConsumerOptions {
  groupId: string;
  topics: string[];
  /**
   * Handles one message; it is committed only after this resolves (or after it went to the DLQ).
   * Give either this or `onBatch`.
   */
  onMessage?: (message: IncomingMessage) => Promise<void>;
  /**
   * Handles a partition's messages a batch at a time: one commit per batch instead of one per message.
   * When it resolves, the whole batch is committed. When it rejects, the offsets it resolved are
   * committed and the partition is delivered again from the first message it did not resolve, after the
   * same backoff as a failed `onMessage`. Give either this or `onMessage`.
   */
  onBatch?: (batch: MessageBatch) => Promise<void>;
  /** Start from the earliest message when the group has no committed offset (default true). */
  fromBeginning?: boolean;
  /**
   * Told the partitions this member holds each time that set changes (after joining, after a
   * rebalance, and `[]` on stop): for readiness, metrics and tests that must wait for a stable group.
   */
  onAssignment?: (partitions: TopicPartition[]) => void;
}

export interface Consumer {
  stop(): Promise<void>;
}

export interface MessageBus {
  readonly kind: 'kafka' | 'embedded';
  ensureTopics(topics: string[], partitions?: number): Promise<void>;
  producer(): Promise<Producer>;
  consumer(options: ConsumerOptions): Promise<Consumer>;
  /**
   * Every message of a topic, from the oldest still kept up to its end when called, by partition then
   * offset, read outside any consumer group (nothing is committed): for tools that inspect a topic, such
   * as its dead letters. A topic that does not exist reads as empty.
   */
  readTopic(topic: string): Promise<IncomingMessage[]>;
  /** For /ready: resolves when the bus answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
