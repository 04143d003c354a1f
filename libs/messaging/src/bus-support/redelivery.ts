/**
 * What both adapters do when `onMessage` throws: the message is NOT committed, its partition stops
 * moving, and the same message is handed to `onMessage` again after a delay that doubles from
 * `initialDelayMs` up to `maxDelayMs`, for as long as it keeps failing (other partitions go on).
 * If the consumer stops or loses the partition meanwhile, the next owner starts from that message.
 * Giving up (the DLQ) is the consumer pipeline's decision, never the adapter's.
 */
export interface RedeliveryPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_REDELIVERY: RedeliveryPolicy = { initialDelayMs: 200, maxDelayMs: 10_000 };

/** Delay before the `attempt`-th redelivery (1-based). */
export function redeliveryDelay(policy: RedeliveryPolicy, attempt: number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** exponent);
}
