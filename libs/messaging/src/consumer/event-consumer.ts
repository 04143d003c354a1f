import { dlqTopic } from '@marketplace/contracts';
import type { Consumer, MessageBus } from '../port';
import { batchOfOne, createBatchPipeline, createEventPipeline, type EventPipelineOptions } from './event-pipeline';

export interface EventConsumerOptions extends Omit<EventPipelineOptions, 'deadLetters' | 'signal'> {
  topics: string[];
  /** Start from the earliest message when the group has no committed offset (default true). */
  fromBeginning?: boolean;
  /** Partitions for topics created on start (the adapter's default when omitted). */
  partitions?: number;
  /**
   * With batch handlers (`batchHandlerFor`), consume a partition batch at a time (default true). False
   * consumes one message at a time as a consumer without them does: each batch handler then gets
   * batches of one, each committed on its own (the path before batches, kept to compare and to fall back on).
   */
  batches?: boolean;
}

/**
 * A consumer group member running the delivery pipeline (validate, retry, dead-letter) over its topics.
 * With batch handlers it consumes a partition batch at a time (createBatchPipeline: one commit per
 * batch, one handler call per batch for those topics); otherwise one message at a time, each committed
 * after it was handled (createEventPipeline).
 */
export class EventConsumer implements Consumer {
  private constructor(
    private readonly consumer: Consumer,
    private readonly stopping: AbortController,
    private readonly close: () => Promise<void>,
  ) {}

  static async start(bus: MessageBus, options: EventConsumerOptions): Promise<EventConsumer> {
    const { topics, fromBeginning, partitions, batches = true, ...pipeline } = options;
    await bus.ensureTopics([...topics, ...topics.map(dlqTopic)], partitions);
    const deadLetters = await bus.producer();
    const stopping = new AbortController();
    try {
      const settings = { ...pipeline, deadLetters, signal: stopping.signal };
      const handlers = batches && pipeline.batchHandlerFor ? { onBatch: createBatchPipeline(settings) } : { onMessage: createEventPipeline(oneByOne(settings)) };
      const consumer = await bus.consumer({ groupId: options.groupId, topics, fromBeginning, ...handlers });
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

/** The per-message pipeline's handler: a topic's batch handler, when it has one, gets a batch of one. */
function oneByOne(options: EventPipelineOptions): EventPipelineOptions {
  const { batchHandlerFor } = options;
  if (!batchHandlerFor) return options;
  return {
    ...options,
    handler: (event, context) => {
      const batchHandler = batchHandlerFor(context.topic);
      return batchHandler ? batchOfOne(batchHandler)(event, context) : options.handler(event, context);
    },
  };
}
