import { setTimeout as delay } from 'node:timers/promises';
import { type MarketplaceEvent, parseCloudEvent } from '@marketplace/contracts';
import { type BusLogger, errorFields } from '../bus-support/bus-logger';
import type { IncomingMessage, Producer } from '../port';
import type { ConsumerMetrics, DeadLetterReason } from './consumer-metrics';
import { deadLetterMessage } from './dead-letter';
import { DeadLetterPublishError, UnprocessableEventError } from './errors';
import type { EventHandler } from './event-handler';
import { backoffDelay, type RetryPolicy, retryPolicy } from './retry-policy';

export interface EventPipelineOptions {
  groupId: string;
  handler: EventHandler;
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
  const policy = retryPolicy(options.retry);
  const log = options.logger ?? (() => undefined);
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }));
  const now = options.now ?? (() => new Date());
  const group = options.groupId;

  async function deadLetter(message: IncomingMessage, error: unknown, attempts: number, reason: DeadLetterReason) {
    const where = { topic: message.topic, partition: message.partition, offset: message.offset, group };
    try {
      await options.deadLetters.send([deadLetterMessage(message, { error, group, attempts, failedAt: now() })]);
    } catch (publishError) {
      log('error', 'dead-letter publish failed; the message stays uncommitted', { ...where, ...errorFields(publishError) });
      throw new DeadLetterPublishError(message.topic, message.offset, publishError);
    }
    options.metrics?.deadLettered({ topic: message.topic, group, reason });
    log('error', 'message sent to the dead-letter topic', { ...where, reason, attempts, ...errorFields(error) });
  }

  return async (message) => {
    let event: MarketplaceEvent;
    try {
      event = parseCloudEvent(message.value);
    } catch (error) {
      await deadLetter(message, error, 0, 'invalid');
      return;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const { topic, partition, offset, key, headers } = message;
        await options.handler(event, { topic, partition, offset, key, headers, groupId: group, attempt, message });
        options.metrics?.handled({ topic: message.topic, group });
        return;
      } catch (error) {
        if (error instanceof UnprocessableEventError || attempt >= policy.maxAttempts) {
          await deadLetter(message, error, attempt, error instanceof UnprocessableEventError ? 'unprocessable' : 'failed');
          return;
        }
        const wait = backoffDelay(policy, attempt, random());
        options.metrics?.retried({ topic: message.topic, group, attempt });
        log('warn', 'handler failed; retrying', { topic: message.topic, offset: message.offset, group, attempt, wait, ...errorFields(error) });
        await sleep(wait, options.signal);
      }
    }
  };
}
