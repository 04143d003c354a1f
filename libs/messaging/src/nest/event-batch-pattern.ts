import { EventPattern } from '@nestjs/microservices';

/** The handler extras that mark an `@EventPattern` handler as a batch handler. */
export const EVENT_BATCH_EXTRAS = { marketplaceEventBatch: true } as const;

/**
 * `@EventPattern(topic)` for a handler of many events at once: its `@Payload()` is an `EventBatch` (a
 * partition's valid events in offset order) and it must be all-or-nothing, skipping what it already
 * handled (`Inbox.handleBatchOnce`). If it throws, the transport hands it the events one at a time,
 * each a batch of one, with the usual retries and dead letters. See createBatchPipeline.
 */
export function EventBatchPattern(topic: string): MethodDecorator {
  return EventPattern(topic, { ...EVENT_BATCH_EXTRAS });
}

export function isEventBatchHandler(handler: { extras?: Record<string, unknown> }): boolean {
  return handler.extras?.marketplaceEventBatch === true;
}
