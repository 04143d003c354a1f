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

export interface ConsumerOptions {
  groupId: string;
  topics: string[];
  /** Handles one message; it is committed only after this resolves (or after it went to the DLQ). */
  onMessage: (message: IncomingMessage) => Promise<void>;
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
