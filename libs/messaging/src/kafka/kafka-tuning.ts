import type { BusLogLevel } from '../bus-support';

export interface KafkaTuning {
  /** A member silent this long is dropped from its group (the broker bounds it by group.min/max.session.timeout.ms). */
  sessionTimeoutMs: number;
  /** How long the coordinator waits for members to rejoin during a rebalance. */
  rebalanceTimeoutMs: number;
  heartbeatIntervalMs: number;
  /** Longest a fetch waits for data: also how quickly an idle member notices a rebalance. */
  maxWaitTimeMs: number;
  /** Partitions handled at once by one member (each still strictly in order). */
  partitionsConsumedConcurrently: number;
  /** Partitions of a topic created implicitly (first send or subscribe) or by ensureTopics without a count. */
  defaultPartitions: number;
  /** Replication factor of topics this adapter creates (-1: the broker's default). */
  replicationFactor: number;
  /** Least severe Kafka client log forwarded to the logger. */
  clientLogLevel: BusLogLevel;
}

export const DEFAULT_KAFKA_TUNING: KafkaTuning = {
  sessionTimeoutMs: 30_000,
  rebalanceTimeoutMs: 60_000,
  heartbeatIntervalMs: 3_000,
  maxWaitTimeMs: 1_000,
  partitionsConsumedConcurrently: 4,
  defaultPartitions: 3,
  replicationFactor: -1,
  clientLogLevel: 'warn',
};
