import type { Consumer as KafkaJsConsumer, EachBatchPayload, IHeaders, KafkaMessage } from 'kafkajs';
import { compareTopicPartitions, errorFields, redeliveryDelay, topicPartitionKey, type BusLogger, type RedeliveryPolicy } from '../bus-support';
import type { Consumer, ConsumerOptions, IncomingMessage, TopicPartition } from '../port';
import type { KafkaNamespace } from './kafka-namespace';
import type { KafkaTuning } from './kafka-tuning';

/**
 * A group member that hands each partition's messages to onMessage one at a time and commits each
 * message's offset right after its handler resolved (auto-commit off, nothing resolved in advance).
 * When onMessage throws, the partition is paused and the batch abandoned at that message: after the
 * redelivery backoff the partition resumes from the last committed offset, so the same message comes
 * again; other partitions go on. A rebalance or a crash meanwhile also restarts from that offset.
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

  private async handleBatch({ batch, resolveOffset, commitOffsetsIfNecessary, heartbeat, isRunning, isStale, pause }: EachBatchPayload): Promise<void> {
    const tp: TopicPartition = { topic: this.namespace.logicalName(batch.topic), partition: batch.partition };
    const key = topicPartitionKey(tp);
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) return;
      try {
        await this.options.onMessage(toIncoming(tp, message));
      } catch (error) {
        this.scheduleRedelivery(tp, key, message.offset, error, pause);
        return;
      }
      this.failures.delete(key);
      resolveOffset(message.offset);
      const next = (BigInt(message.offset) + 1n).toString();
      await commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions: [{ partition: tp.partition, offset: next }] }] });
      await heartbeat();
    }
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
