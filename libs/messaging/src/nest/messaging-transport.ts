import { type BaseRpcContext, type CustomTransportStrategy, type MessageHandler, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { EventBatch, EventContext } from '../consumer/event-handler';
import { EventConsumer, type EventConsumerOptions } from '../consumer/event-consumer';
import type { MarketplaceEvent } from '@marketplace/contracts';
import type { MessageBus } from '../port';
import { HandlerFailedError } from './handler-errors';
import { isEventBatchHandler } from './event-batch-pattern';
import { MessagingBatchContext, MessagingContext } from './messaging-context';

export type MessagingTransportOptions = Omit<EventConsumerOptions, 'handler' | 'topics'>;

/** An `@MessagePattern` (request-response) or a non-topic pattern: the bus carries events only. */
export class UnsupportedPatternError extends Error {
  override readonly name = 'UnsupportedPatternError';
}

/**
 * A Nest transport over the message bus port: every `@EventPattern('<topic>')` handler receives the
 * validated CloudEvent (and a `MessagingContext` with `@Ctx()`), through one consumer in the service's
 * group that runs the delivery pipeline: a handler that throws is retried, then dead-lettered. An
 * `@EventBatchPattern('<topic>')` handler receives an `EventBatch` (and a `MessagingBatchContext`): with
 * one of those the consumer takes a partition batch at a time (see EventConsumer and createBatchPipeline).
 */
export class MessagingTransport extends Server implements CustomTransportStrategy {
  private consumer?: EventConsumer;

  constructor(
    private readonly bus: MessageBus,
    private readonly options: MessagingTransportOptions,
  ) {
    super();
  }

  /** The topics this service's handlers consume. */
  topics(): string[] {
    const topics: string[] = [];
    for (const [pattern, handler] of this.messageHandlers) {
      if (!handler.isEventHandler) throw new UnsupportedPatternError(`"${pattern}" is a request-response pattern; the bus carries events only`);
      if (pattern.startsWith('{')) throw new UnsupportedPatternError(`${pattern} is not a topic name; use @EventPattern('<topic>')`);
      topics.push(pattern);
    }
    return topics;
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const topics = this.topics();
      const batchTopics = new Set(topics.filter((topic) => this.takesBatches(topic)));
      if (topics.length > 0) {
        this.consumer = await EventConsumer.start(this.bus, {
          ...this.options,
          topics,
          handler: (event, context) => this.dispatch(event, context),
          ...(batchTopics.size > 0 && { batchHandlerFor: (topic: string) => (batchTopics.has(topic) ? (batch: EventBatch) => this.dispatchBatch(batch) : undefined) }),
        });
      }
      this._status$.next('connected');
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /**
   * Whether the topic's handlers take batches. Nest chains every handler of a topic and hands each the
   * same payload, so they must all be `@EventBatchPattern` handlers or all `@EventPattern` ones.
   */
  private takesBatches(topic: string): boolean {
    const kinds = new Set<boolean>();
    for (let handler: MessageHandler | undefined = this.messageHandlers.get(topic); handler; handler = handler.next as MessageHandler | undefined) kinds.add(isEventBatchHandler(handler));
    if (kinds.size > 1) throw new UnsupportedPatternError(`${topic} has both @EventBatchPattern and @EventPattern handlers; its handlers must all take batches or all take events`);
    return kinds.has(true);
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = undefined;
    this._status$.next('disconnected');
  }

  on(): never {
    throw new Error('MessagingTransport emits no events; watch `status` instead');
  }

  unwrap<T>(): T {
    return this.bus as T;
  }

  private dispatch(event: MarketplaceEvent, context: EventContext): Promise<void> {
    return this.call(context.topic, event, new MessagingContext([context]));
  }

  private dispatchBatch(batch: EventBatch): Promise<void> {
    return this.call(batch.topic, batch, new MessagingBatchContext([batch]));
  }

  private async call(topic: string, payload: unknown, context: BaseRpcContext): Promise<void> {
    const handler = this.messageHandlers.get(topic);
    if (!handler) throw new UnsupportedPatternError(`no @EventPattern handler for ${topic}`);
    // Nest hands back the handler's result, or an Observable that errors when it threw.
    const result = await handler(payload, context);
    if (!isObservable(result)) return;
    try {
      await lastValueFrom(result, { defaultValue: undefined });
    } catch (failure) {
      throw failure instanceof Error ? failure : new HandlerFailedError(failure);
    }
  }
}
