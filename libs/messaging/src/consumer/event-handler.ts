import type { MarketplaceEvent } from '@marketplace/contracts';
import type { IncomingMessage } from '../port';

/** Where a handled event came from, and which attempt this is. */
export interface EventContext {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  headers: Record<string, string>;
  groupId: string;
  /** 1 on first delivery, then 2, 3, ... on retries. */
  attempt: number;
  /** The message as received, bytes included. */
  message: IncomingMessage;
}

/** A service's handler: gets a CloudEvent already validated against its type's schema. Throw to have it retried. */
export type EventHandler = (event: MarketplaceEvent, context: EventContext) => Promise<void>;

/** A validated event of a batch, with where it came from. */
export interface ReceivedEvent {
  event: MarketplaceEvent;
  context: EventContext;
}

/** Valid events of one partition, handed to a batch handler together, in offset order. */
export interface EventBatch {
  topic: string;
  partition: number;
  groupId: string;
  /** Never empty; per-key order is their order. */
  events: ReceivedEvent[];
}

/**
 * A service's handler of many events at once. It must be all-or-nothing and skip events it already
 * handled: `Inbox.handleBatchOnce` gives both (one transaction, one inbox statement). Throw, and the
 * pipeline falls back to handing the batch's events over one at a time (each a batch of one), with
 * today's retries and dead letters, so one bad event holds up or loses none of the others.
 */
export type EventBatchHandler = (batch: EventBatch) => Promise<void>;
