import { dlqTopic } from '@marketplace/contracts';
import type { Consumer, MessageBus } from '../port';
import { createEventPipeline, type EventPipelineOptions } from './event-pipeline';

export interface EventConsumerOptions extends Omit<EventPipelineOptions, 'deadLetters' | 'signal'> {
  topics: string[];
  /** Start from the earliest message when the group has no committed offset (default true). */
  fromBeginning?: boolean;
  /** Partitions for topics created on start (the adapter's default when omitted). */
  partitions?: number;
}

/** A consumer group member running the delivery pipeline (validate, retry, dead-letter) over its topics. */
export class EventConsumer implements Consumer {
  private constructor(
    private readonly consumer: Consumer,
    private readonly stopping: AbortController,
    private readonly close: () => Promise<void>,
  ) {}

  static async start(bus: MessageBus, options: EventConsumerOptions): Promise<EventConsumer> {
    const { topics, fromBeginning, partitions, ...pipeline } = options;
    await bus.ensureTopics([...topics, ...topics.map(dlqTopic)], partitions);
    const deadLetters = await bus.producer();
    const stopping = new AbortController();
    try {
      const onMessage = createEventPipeline({ ...pipeline, deadLetters, signal: stopping.signal });
      const consumer = await bus.consumer({ groupId: options.groupId, topics, onMessage, fromBeginning });
      return new EventConsumer(consumer, stopping, () => deadLetters.close());
    } catch (error) {
      await deadLetters.close();
      throw error;
    }
  }

  /** Cuts any backoff short (that message stays uncommitted and is redelivered), then stops. */
  async stop(): Promise<void> {
    this.stopping.abort();
    try {
      await this.consumer.stop();
    } finally {
      await this.close();
    }
  }
}
