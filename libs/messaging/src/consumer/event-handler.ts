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
