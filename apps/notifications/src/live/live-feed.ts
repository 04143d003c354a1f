import { LOGGER, PLATFORM_CONFIG, type DataServiceConfig } from '@marketplace/platform';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { LiveListeners } from './live-listeners';
import { type LiveEvent, type LiveListener, MAX_LIVE_PAYLOAD_BYTES } from './live-event';
import { LiveConnection } from './live-connection';

export const LIVE_CHANNEL = 'notifications.live';

export class LivePayloadTooLargeError extends Error {
  override readonly name = 'LivePayloadTooLargeError';
}

/**
 * Fans live events out to every instance of the service through PostgreSQL NOTIFY: publish inside the
 * transaction that stored what the event tells, and every instance's listeners for that user get it
 * once the transaction commits (never before, never if it rolls back).
 */
@Injectable()
export class LiveFeed implements OnModuleInit, OnApplicationShutdown {
  private readonly listeners = new LiveListeners();
  private readonly connection: LiveConnection;

  constructor(@Inject(PLATFORM_CONFIG) config: DataServiceConfig, @Inject(LOGGER) logger: Logger) {
    this.connection = new LiveConnection(config.DATABASE_URL, LIVE_CHANNEL, this.listeners, logger.child({ component: 'live-feed' }));
  }

  async onModuleInit(): Promise<void> {
    await this.connection.open();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }

  async publish(db: Knex | Knex.Transaction, events: readonly LiveEvent[]): Promise<void> {
    for (const event of events) {
      const payload = JSON.stringify(event);
      if (Buffer.byteLength(payload) > MAX_LIVE_PAYLOAD_BYTES) throw new LivePayloadTooLargeError(`a live ${event.kind} event is over ${MAX_LIVE_PAYLOAD_BYTES} bytes`);
      await db.raw('select pg_notify(?, ?)', [LIVE_CHANNEL, payload]);
    }
  }

  /** Listens to one user's events on this instance; returns the function that stops listening. */
  subscribe(userId: string, listener: LiveListener): () => void {
    return this.listeners.add(userId, listener);
  }

  connectedUsers(): number {
    return this.listeners.users();
  }
}
