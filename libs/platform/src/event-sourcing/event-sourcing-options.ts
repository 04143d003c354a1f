import type { RecordedEventMapper } from '@marketplace/messaging';
import type { ProjectionDefinition } from '@marketplace/projections';
import type { InjectionToken } from '@nestjs/common';

export interface EventSourcingOptions {
  /**
   * Publish the service's stored events: a relay tails the global log from its durable checkpoint and
   * sends what `map` returns to the bus (one leader among the service's instances).
   */
  publish?: {
    /** CloudEvent `source`, e.g. `marketplace/orders`. */
    source: string;
    map: RecordedEventMapper;
    /** Only streams with these prefixes are read by the relay, e.g. `['order-']`. */
    streamPrefixes?: string[];
  };
  /** The service's read models, run by a ProjectionEngine over the store (built with the injected values). */
  projections?: {
    inject?: InjectionToken[];
    useFactory: (...injected: never[]) => readonly ProjectionDefinition[] | Promise<readonly ProjectionDefinition[]>;
  };
}
