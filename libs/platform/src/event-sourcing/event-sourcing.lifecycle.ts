import type { EventStore } from '@marketplace/event-store';
import { type EventStoreRelay } from '@marketplace/messaging';
import { ProjectionEngine } from '@marketplace/projections';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { EVENT_STORE } from './event-sourcing.tokens';

export const EVENT_STORE_RELAY = Symbol('EVENT_STORE_RELAY');

/** Starts the relay and the projections once the app is up; stops them, then closes the store, on shutdown. */
@Injectable()
export class EventSourcingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly engine: ProjectionEngine,
    @Optional() @Inject(EVENT_STORE_RELAY) private readonly relay?: { relay: EventStoreRelay; close(): Promise<void> },
  ) {}

  onApplicationBootstrap(): void {
    this.relay?.relay.start();
    this.engine.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.relay.stop();
    await this.relay?.close();
    await this.engine.stop();
    await this.store.close();
  }
}
