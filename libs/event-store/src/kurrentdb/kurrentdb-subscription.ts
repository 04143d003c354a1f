import { type AllStreamSubscription, type KurrentDBClient, START, excludeSystemEvents } from '@kurrent/kurrentdb-client';
import { comparePositions } from '../position';
import type { Position, SubscribeToAllOptions, Subscription } from '../port';
import { matchesFilter } from '../subscription-filter';
import { fromResolvedEvent } from './kurrentdb-mapping';

/** The server's own catch-up subscription to $all, consumed one event at a time. */
export class KurrentDBSubscription implements Subscription {
  readonly done: Promise<void>;
  private readonly source: AllStreamSubscription;
  private stopped = false;

  constructor(
    client: KurrentDBClient,
    private readonly options: SubscribeToAllOptions,
  ) {
    this.source = client.subscribeToAll({ fromPosition: options.fromPosition ?? START, filter: excludeSystemEvents() });
    options.signal?.addEventListener('abort', () => void this.stop(), { once: true });
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.source.unsubscribe().catch(() => undefined);
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    try {
      if (this.options.signal?.aborted) return;
      for await (const resolved of this.source) {
        if (this.stopped) return;
        const event = fromResolvedEvent(resolved);
        if (!event || !isAfter(event.position, this.options.fromPosition)) continue;
        if (matchesFilter(this.options.filter, event)) await this.options.onEvent(event);
      }
    } catch (error) {
      if (!this.stopped) throw error;
    } finally {
      if (!this.stopped) await this.source.unsubscribe().catch(() => undefined);
    }
  }
}

/** The port's checkpoint is exclusive; the check guards against a server that repeats the event at it. */
function isAfter(position: Position, checkpoint: Position | undefined): boolean {
  return !checkpoint || comparePositions(position, checkpoint) > 0;
}
