import { Client, type Pool } from 'pg';
import type { Position, RecordedEvent, SubscribeToAllOptions, Subscription } from '../port';
import { matchesFilter } from '../subscription-filter';
import { hasEventsAfter, readGlobalLog } from './global-log-reader';
import type { SqlNames } from './sql-names';
import { WakeUp } from './wake-up';

export interface GlobalLogSubscriptionSettings {
  /** Events read per query, in catch-up and live alike. */
  batchSize: number;
  /** Longest wait between reads once caught up, when no notification arrives (the fallback for lost ones). */
  pollIntervalMs: number;
}

/** First pause before looking again for events held back by the snapshot horizon; it doubles up to the poll interval. */
const HELD_BACK_RETRY_MS = 5;

/**
 * Catch-up and live are the same loop: read a batch after the checkpoint, hand its events over one at a
 * time, and when a batch comes back short, wait for an append's NOTIFY (or the poll interval). While a
 * full batch is handed over, the next one is already being read from its last position. Every read
 * starts where the previous batch ended, so there is no switch-over where events could be lost or
 * repeated. Events committed behind a transaction still open elsewhere on the server (the snapshot
 * horizon) become readable when it ends, which sends no NOTIFY. So after a short batch the loop asks
 * whether anything committed sorts after its checkpoint (a separate query: catch-up's full batches pay
 * nothing); while something does, it looks again after 5 ms, 10, 20, ... (from 5 again after new events
 * or a NOTIFY) rather than sleeping until the poll interval. A failing onEvent or read ends the
 * subscription with that error; a lost LISTEN connection only leaves the subscription on polling.
 */
export class GlobalLogSubscription implements Subscription {
  readonly done: Promise<void>;
  private stopped = false;
  private readonly wakeUp = new WakeUp();

  constructor(
    private readonly pool: Pool,
    private readonly names: SqlNames,
    private readonly settings: GlobalLogSubscriptionSettings,
    private readonly options: SubscribeToAllOptions,
  ) {
    options.signal?.addEventListener('abort', () => void this.stop(), { once: true });
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp.notify();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    if (this.options.signal?.aborted) return;
    const listener = await this.listen();
    let readAhead: Promise<RecordedEvent[]> | undefined;
    try {
      let checkpoint: Position | undefined = this.options.fromPosition;
      let retryMs: number | undefined;
      let notified = false;
      while (!this.stopped) {
        const batch = await (readAhead ?? this.read(checkpoint));
        readAhead = undefined;
        const full = batch.length === this.settings.batchSize;
        // A full batch means more is waiting: the next read runs while this batch is handed over.
        if (full) readAhead = this.read(batch[batch.length - 1].position);
        for (const event of batch) {
          if (this.stopped) return;
          if (matchesFilter(this.options.filter, event)) await this.options.onEvent(event);
          checkpoint = event.position;
        }
        if (full || this.stopped) continue;
        const pending = await hasEventsAfter(this.pool, this.names, checkpoint);
        retryMs = pending ? nextRetry(batch.length > 0 || notified ? undefined : retryMs, this.settings.pollIntervalMs) : undefined;
        notified = await this.wakeUp.wait(retryMs ?? this.settings.pollIntervalMs);
      }
    } finally {
      // The pool may be closed right after stop(): a read still in flight finishes first.
      await readAhead?.catch(() => undefined);
      await listener?.end().catch(() => undefined);
    }
  }

  /**
   * Forgets earlier notifications as the read starts, so one that arrives while it runs still wakes the
   * loop. The returned promise is marked handled: a read ahead that fails while events are being handed
   * over surfaces when the loop awaits it, not as an unhandled rejection.
   */
  private read(after: Position | undefined): Promise<RecordedEvent[]> {
    this.wakeUp.reset();
    const reading = readGlobalLog(this.pool, this.names, after, this.settings.batchSize);
    reading.catch(() => undefined);
    return reading;
  }

  /** A dedicated connection for LISTEN; without it (connection refused or lost) the loop still polls. */
  private async listen(): Promise<Client | undefined> {
    const client = new Client(this.pool.options);
    client.on('error', () => undefined);
    client.on('notification', () => this.wakeUp.notify());
    try {
      await client.connect();
      await client.query(`LISTEN "${this.names.channel}"`);
      return client;
    } catch {
      await client.end().catch(() => undefined);
      return undefined;
    }
  }
}

/** 5 ms after new events or a notification, else double the last pause, up to the poll interval. */
function nextRetry(lastMs: number | undefined, pollIntervalMs: number): number {
  return lastMs === undefined ? HELD_BACK_RETRY_MS : Math.min(lastMs * 2, pollIntervalMs);
}
