import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { EventContext } from '../consumer/event-handler';
import { EventConsumer, type EventConsumerOptions } from '../consumer/event-consumer';
import type { MarketplaceEvent } from '@marketplace/contracts';
import type { MessageBus } from '../port';
import { HandlerFailedError } from './handler-errors';
import { MessagingContext } from './messaging-context';

export type MessagingTransportOptions = Omit<EventConsumerOptions, 'handler' | 'topics'>;

/** An `@MessagePattern` (request-response) or a non-topic pattern: the bus carries events only. */
export class UnsupportedPatternError extends Error {
  override readonly name = 'UnsupportedPatternError';
}

/**
 * A Nest transport over the message bus port: every `@EventPattern('<topic>')` handler receives the
 * validated CloudEvent (and a `MessagingContext` with `@Ctx()`), through one consumer in the service's
 * group that runs the delivery pipeline: a handler that throws is retried, then dead-lettered.
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
      if (topics.length > 0) {
        this.consumer = await EventConsumer.start(this.bus, { ...this.options, topics, handler: (event, context) => this.dispatch(event, context) });
      }
      this._status$.next('connected');
      callback();
    } catch (error) {
      callback(error);
    }
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

  private async dispatch(event: MarketplaceEvent, context: EventContext): Promise<void> {
    const handler = this.messageHandlers.get(context.topic);
    if (!handler) throw new UnsupportedPatternError(`no @EventPattern handler for ${context.topic}`);
    // Nest hands back the handler's result, or an Observable that errors when it threw.
    const result = await handler(event, new MessagingContext([context]));
    if (!isObservable(result)) return;
    try {
      await lastValueFrom(result, { defaultValue: undefined });
    } catch (failure) {
      throw failure instanceof Error ? failure : new HandlerFailedError(failure);
    }
  }
}
