import type { Consumer as KafkaJsConsumer, EachBatchPayload, IHeaders, KafkaMessage } from 'kafkajs';
import { compareTopicPartitions, errorFields, redeliveryDelay, topicPartitionKey, type BusLogger, type RedeliveryPolicy } from '../bus-support';
import type { Consumer, ConsumerOptions, IncomingMessage, TopicPartition } from '../port';
import type { KafkaNamespace } from './kafka-namespace';
import type { KafkaTuning } from './kafka-tuning';

/**
 * A group member on kafkajs' `eachBatch` (auto-commit and auto-resolve off). With onMessage it hands
 * each partition's messages over one at a time and commits each message's offset right after its
 * handler resolved. With onBatch it hands over each fetched partition batch at once and commits it with
 * one offset commit after onBatch resolved (or the offsets onBatch resolved, when it rejects).
 * When a handler throws, the partition is paused and the batch abandoned at the first unresolved
 * message: after the redelivery backoff the partition resumes from there (kafkajs fetches from the last
 * resolved offset), so the same message comes again; other partitions go on. A rebalance or a crash
 * meanwhile restarts from the last committed offset.
 */
export class KafkaConsumer implements Consumer {
  private readonly failures = new Map<string, number>();
  private readonly resumeTimers = new Set<NodeJS.Timeout>();
  private stopped?: Promise<void>;

  constructor(
    private readonly consumer: KafkaJsConsumer,
    private readonly options: ConsumerOptions,
    private readonly namespace: KafkaNamespace,
    private readonly redelivery: RedeliveryPolicy,
    private readonly logger: BusLogger,
    private readonly onStop: () => void,
  ) {}

  async start(tuning: KafkaTuning): Promise<void> {
    const { groupId, topics, fromBeginning = true, onAssignment } = this.options;
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
      const assigned = Object.entries(payload.memberAssignment).flatMap(([topic, partitions]) =>
        partitions.map((partition) => ({ topic: this.namespace.logicalName(topic), partition })),
      );
      onAssignment?.(assigned.sort(compareTopicPartitions));
    });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.logger('error', 'Kafka consumer crashed', { groupId, restart: payload.restart, ...errorFields(payload.error) });
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: topics.map((topic) => this.namespace.topic(topic)), fromBeginning });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: tuning.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  stop(): Promise<void> {
    this.stopped ??= (async () => {
      for (const timer of this.resumeTimers) clearTimeout(timer);
      this.resumeTimers.clear();
      // Waits for the batch in hand (so the message being handled is finished and committed), then leaves the group.
      await this.consumer.disconnect();
      this.onStop();
      this.options.onAssignment?.([]);
    })();
    return this.stopped;
  }

  private handleBatch(payload: EachBatchPayload): Promise<void> {
    return this.options.onBatch ? this.handleWholeBatch(payload, this.options.onBatch) : this.handleEachMessage(payload);
  }

  private async handleEachMessage({ batch, resolveOffset, commitOffsetsIfNecessary, heartbeat, isRunning, isStale, pause }: EachBatchPayload): Promise<void> {
    const onMessage = this.options.onMessage as NonNullable<ConsumerOptions['onMessage']>;
    const tp: TopicPartition = { topic: this.namespace.logicalName(batch.topic), partition: batch.partition };
    const key = topicPartitionKey(tp);
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) return;
      try {
        await onMessage(toIncoming(tp, message));
      } catch (error) {
        this.scheduleRedelivery(tp, key, message.offset, error, pause);
        return;
      }
      this.failures.delete(key);
      resolveOffset(message.offset);
      await commitOffsetsIfNecessary(offsetsAfter(batch.topic, tp.partition, message.offset));
      await heartbeat();
    }
  }

  private async handleWholeBatch(
    { batch, resolveOffset, commitOffsetsIfNecessary, heartbeat, isRunning, isStale, pause }: EachBatchPayload,
    onBatch: NonNullable<ConsumerOptions['onBatch']>,
  ): Promise<void> {
    const tp: TopicPartition = { topic: this.namespace.logicalName(batch.topic), partition: batch.partition };
    const key = topicPartitionKey(tp);
    const messages = batch.messages.map((message) => toIncoming(tp, message));
    if (messages.length === 0 || !isRunning() || isStale()) return;
    let resolved: string | undefined;
    const resolve = (offset: string) => {
      resolved = offset;
      resolveOffset(offset);
    };
    try {
      await onBatch({ ...tp, messages, resolveOffset: resolve, heartbeat, isActive: () => isRunning() && !isStale() });
      resolve(messages[messages.length - 1].offset);
    } catch (error) {
      // Stopping or rebalanced: the resolved part is committed below, the rest is the next owner's.
      if (isRunning() && !isStale()) {
        const next = resolved === undefined ? messages[0].offset : (BigInt(resolved) + 1n).toString();
        this.scheduleRedelivery(tp, key, next, error, pause);
      }
    }
    if (resolved === undefined) return;
    if (resolved === messages[messages.length - 1].offset) this.failures.delete(key);
    await commitOffsetsIfNecessary(offsetsAfter(batch.topic, tp.partition, resolved));
    await heartbeat();
  }

  private scheduleRedelivery(tp: TopicPartition, key: string, offset: string, error: unknown, pause: () => () => void): void {
    const attempt = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, attempt);
    const delayMs = redeliveryDelay(this.redelivery, attempt);
    this.logger('warn', 'Kafka consumer: message not handled; it will be delivered again', { groupId: this.options.groupId, ...tp, offset, attempt, delayMs, ...errorFields(error) });
    // The offset of the failed message was never resolved, so the fetch after resume starts at it.
    const resume = pause();
    const timer = setTimeout(() => {
      this.resumeTimers.delete(timer);
      resume();
    }, delayMs);
    this.resumeTimers.add(timer);
  }
}

/** The commit of everything up to and including `offset`: Kafka's committed offset is the next one to read. */
function offsetsAfter(topic: string, partition: number, offset: string) {
  return { topics: [{ topic, partitions: [{ partition, offset: (BigInt(offset) + 1n).toString() }] }] };
}

export function toIncoming(tp: TopicPartition, message: KafkaMessage): IncomingMessage {
  return {
    ...tp,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? '',
    value: message.value ?? Buffer.alloc(0),
    headers: headersOf(message.headers),
  };
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[name] = first.toString();
  }
  return out;
}
