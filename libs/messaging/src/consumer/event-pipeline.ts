import { setTimeout as delay } from 'node:timers/promises';
import { trace } from '@opentelemetry/api';
import { type MarketplaceEvent, parseCloudEvent } from '@marketplace/contracts';
import { type BusLogger, errorFields } from '../bus-support/bus-logger';
import type { IncomingMessage, MessageBatch, Producer } from '../port';
import { withTraceparent } from '../tracing';
import type { ConsumerMetrics, DeadLetterReason } from './consumer-metrics';
import { deadLetterMessage } from './dead-letter';
import { DeadLetterPublishError, UnprocessableEventError } from './errors';
import type { EventBatchHandler, EventContext, EventHandler } from './event-handler';
import { backoffDelay, type RetryPolicy, retryPolicy } from './retry-policy';

export interface EventPipelineOptions {
  groupId: string;
  handler: EventHandler;
  /**
   * The batch handler of a topic whose events are handled a batch at a time (see createBatchPipeline);
   * undefined for a topic whose events go one at a time to `handler`.
   */
  batchHandlerFor?: (topic: string) => EventBatchHandler | undefined;
  /** Publishes dead letters to `<topic>.dlq`. */
  deadLetters: Pick<Producer, 'send'>;
  retry?: Partial<RetryPolicy>;
  metrics?: ConsumerMetrics;
  logger?: BusLogger;
  /** Aborting cuts a backoff short: the message is then left uncommitted, for redelivery. */
  signal?: AbortSignal;
  /** Draws in [0, 1) for the backoff jitter. */
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => Date;
}

/** The consumer stopped or lost the partition in the middle of a batch: the rest is delivered again. */
export class BatchAbandonedError extends Error {
  override readonly name = 'BatchAbandonedError';
}

/**
 * Turns a handler of validated CloudEvents into the bus port's `onMessage`.
 *
 * A message that is not a valid CloudEvent goes to `<topic>.dlq` at once (retrying cannot fix it).
 * A handler that throws is retried with exponential backoff and jitter; after the last attempt the
 * message goes to `<topic>.dlq` with the error (at once for an UnprocessableEventError). Either way `onMessage` resolves, so the adapter commits
 * and the partition moves on.
 *
 * It rejects in two cases only, and then the adapter must not commit, so the message is delivered again
 * (the port commits only after `onMessage` resolves): the dead-letter publish itself failed
 * (`DeadLetterPublishError`), or `signal` was aborted during a backoff (the consumer is stopping).
 */
export function createEventPipeline(options: EventPipelineOptions): (message: IncomingMessage) => Promise<void> {
  const delivery = deliverySteps(options);
  return (message) => delivery.deliver(message, options.handler);
}

/**
 * Turns the handlers into the bus port's `onBatch`: the same pipeline as createEventPipeline, a
 * partition's batch at a time, so that the adapter commits once per batch.
 *
 * For a topic with a batch handler: every message is parsed and validated; the invalid ones go to
 * `<topic>.dlq` at once (one publish); the valid ones go to the batch handler in ONE call, in offset
 * order. If that call throws, nothing of it took effect (batch handlers are all-or-nothing), and the
 * pipeline falls back to the path of createEventPipeline for each valid event in order, the batch
 * handler getting a batch of one: retried with backoff, dead-lettered after the last attempt, each
 * resolved as it is done. One poison event thus costs the batch its speed, never the others' effects;
 * the batch handler's inbox makes sure nothing is applied twice.
 *
 * For a topic without one, each message goes through the createEventPipeline path in order, resolved
 * as it is done. Between messages the batch's `isActive()` is checked: a consumer that is stopping or
 * lost the partition rejects with BatchAbandonedError, and the rest is delivered again.
 */
export function createBatchPipeline(options: EventPipelineOptions): (batch: MessageBatch) => Promise<void> {
  const delivery = deliverySteps(options);
  const log = options.logger ?? (() => undefined);
  const group = options.groupId;

  /** Each message through the one-at-a-time path, in order, resolving each as it is done. */
  async function oneAtATime<T extends { message: IncomingMessage }>(batch: MessageBatch, items: T[], handle: (item: T) => Promise<void>) {
    for (const item of items) {
      if (!batch.isActive()) throw new BatchAbandonedError(`${batch.topic}#${batch.partition} stopped at offset ${item.message.offset}; the rest is delivered again`);
      // With no client span around it (the embedded bus), each event continues its sender's trace.
      await (trace.getActiveSpan() ? handle(item) : withTraceparent(item.message.headers.traceparent, () => handle(item)));
      batch.resolveOffset(item.message.offset);
      await batch.heartbeat();
    }
  }

  return async (batch) => {
    const batchHandler = options.batchHandlerFor?.(batch.topic);
    if (!batchHandler) {
      await oneAtATime(batch, batch.messages.map((message) => ({ message })), ({ message }) => delivery.deliver(message, options.handler));
      return;
    }
    const valid: { message: IncomingMessage; event: MarketplaceEvent }[] = [];
    const invalid: { message: IncomingMessage; error: unknown }[] = [];
    for (const message of batch.messages) {
      try {
        valid.push({ message, event: parseCloudEvent(message.value) });
      } catch (error) {
        invalid.push({ message, error });
      }
    }
    await delivery.deadLetter(invalid, 0, 'invalid');
    if (valid.length === 0) return;

    const { topic, partition } = batch;
    const single = batchOfOne(batchHandler);
    try {
      await batchHandler({ topic, partition, groupId: group, events: valid.map(({ message, event }) => ({ event, context: delivery.contextOf(message, 1) })) });
    } catch (error) {
      log('warn', 'batch handler failed; handling its events one at a time', {
        topic,
        partition,
        group,
        from: batch.messages[0].offset,
        to: batch.messages[batch.messages.length - 1].offset,
        events: valid.length,
        ...errorFields(error),
      });
      await oneAtATime(batch, valid, ({ message, event }) => delivery.handle(message, event, single));
      return;
    }
    for (let i = 0; i < valid.length; i++) options.metrics?.handled({ topic, group });
  };
}

/** A batch handler as a handler of one event: it gets a batch of that event alone. */
export function batchOfOne(batchHandler: EventBatchHandler): EventHandler {
  return (event, context) => batchHandler({ topic: context.topic, partition: context.partition, groupId: context.groupId, events: [{ event, context }] });
}

/** What both pipelines do with one message: parse, hand over with retries, dead-letter. */
function deliverySteps(options: EventPipelineOptions) {
  const policy = retryPolicy(options.retry);
  const log = options.logger ?? (() => undefined);
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }));
  const now = options.now ?? (() => new Date());
  const group = options.groupId;

  /** Publishes the letters in one send; if that fails, none of the messages may be committed. */
  async function deadLetter(failures: { message: IncomingMessage; error: unknown }[], attempts: number, reason: DeadLetterReason) {
    if (failures.length === 0) return;
    const failedAt = now();
    try {
      await options.deadLetters.send(failures.map(({ message, error }) => deadLetterMessage(message, { error, group, attempts, failedAt })));
    } catch (publishError) {
      const [{ message }] = failures;
      log('error', 'dead-letter publish failed; the message stays uncommitted', { topic: message.topic, partition: message.partition, offset: message.offset, group, ...errorFields(publishError) });
      throw new DeadLetterPublishError(message.topic, message.offset, publishError);
    }
    for (const { message, error } of failures) {
      options.metrics?.deadLettered({ topic: message.topic, group, reason });
      log('error', 'message sent to the dead-letter topic', { topic: message.topic, partition: message.partition, offset: message.offset, group, reason, attempts, ...errorFields(error) });
    }
  }

  function contextOf(message: IncomingMessage, attempt: number): EventContext {
    const { topic, partition, offset, key, headers } = message;
    return { topic, partition, offset, key, headers, groupId: group, attempt, message };
  }

  /** Hands a valid event to `handler` until it succeeds, retrying with backoff, then dead-letters it. */
  async function handle(message: IncomingMessage, event: MarketplaceEvent, handler: EventHandler): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await handler(event, contextOf(message, attempt));
        options.metrics?.handled({ topic: message.topic, group });
        return;
      } catch (error) {
        if (error instanceof UnprocessableEventError || attempt >= policy.maxAttempts) {
          await deadLetter([{ message, error }], attempt, error instanceof UnprocessableEventError ? 'unprocessable' : 'failed');
          return;
        }
        const wait = backoffDelay(policy, attempt, random());
        options.metrics?.retried({ topic: message.topic, group, attempt });
        log('warn', 'handler failed; retrying', { topic: message.topic, offset: message.offset, group, attempt, wait, ...errorFields(error) });
        await sleep(wait, options.signal);
      }
    }
  }

  /** Parses the message (an invalid one is dead-lettered at once), then handles it. */
  async function deliver(message: IncomingMessage, handler: EventHandler): Promise<void> {
    let event: MarketplaceEvent;
    try {
      event = parseCloudEvent(message.value);
    } catch (error) {
      await deadLetter([{ message, error }], 0, 'invalid');
      return;
    }
    await handle(message, event, handler);
  }

  return { deadLetter, contextOf, handle, deliver };
}
