export interface EmbeddedTuning {
  /** How often a member renews its lease and re-reads its group (and so how fast a rebalance settles). */
  heartbeatMs: number;
  /** A member silent this long is presumed dead and its partitions are taken over. */
  leaseMs: number;
  /** Longest a partition reader sleeps without a notification before looking again. */
  pollMs: number;
  /** Messages read per query. */
  batchSize: number;
  /** Partitions of a topic created implicitly (first send or subscribe) or by ensureTopics without a count. */
  defaultPartitions: number;
}

export const DEFAULT_EMBEDDED_TUNING: EmbeddedTuning = {
  heartbeatMs: 1_000,
  leaseMs: 10_000,
  pollMs: 1_000,
  batchSize: 100,
  defaultPartitions: 3,
};
