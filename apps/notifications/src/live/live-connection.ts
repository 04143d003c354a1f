import { setTimeout as delay } from 'node:timers/promises';
import { Client } from 'pg';
import type { Logger } from 'pino';
import type { LiveEvent } from './live-event';
import type { LiveListeners } from './live-listeners';

const RECONNECT_DELAY_MS = 1_000;

/**
 * The LISTEN connection behind the live feed. When it breaks, it reconnects and tells every listener
 * to resync: what was published meanwhile was never heard, so listeners re-read what they show.
 */
export class LiveConnection {
  private client?: Client;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly listeners: LiveListeners,
    private readonly log: Logger,
  ) {}

  async open(): Promise<void> {
    const client = new Client({ connectionString: this.url });
    client.on('notification', (message) => {
      if (message.channel === this.channel && message.payload) this.listeners.deliver(JSON.parse(message.payload) as LiveEvent);
    });
    client.on('error', (error) => {
      this.log.warn({ err: error }, 'live feed: LISTEN connection lost; reconnecting');
      void this.reconnect(client);
    });
    await client.connect();
    await client.query(`LISTEN "${this.channel}"`);
    this.client = client;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }

  private async reconnect(failed: Client): Promise<void> {
    if (this.client !== failed) return;
    this.client = undefined;
    await failed.end().catch(() => undefined);
    while (!this.closed) {
      await delay(RECONNECT_DELAY_MS);
      if (this.closed) return;
      try {
        await this.open();
        this.listeners.resyncAll();
        return;
      } catch (error) {
        this.log.warn({ err: error }, 'live feed: reconnect failed');
      }
    }
  }
}
