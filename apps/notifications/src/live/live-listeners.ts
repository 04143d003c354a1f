import { type LiveEvent, type LiveListener, RESYNC } from './live-event';

/** This instance's listeners by user. A throwing listener is dropped rather than starving the others. */
export class LiveListeners {
  private readonly byUser = new Map<string, Set<LiveListener>>();

  add(userId: string, listener: LiveListener): () => void {
    const set = this.byUser.get(userId) ?? new Set<LiveListener>();
    this.byUser.set(userId, set.add(listener));
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byUser.get(userId) === set) this.byUser.delete(userId);
    };
  }

  users(): number {
    return this.byUser.size;
  }

  deliver(event: LiveEvent): void {
    for (const listener of this.byUser.get(event.userId) ?? []) this.call(event.userId, listener, event);
  }

  resyncAll(): void {
    for (const [userId, set] of this.byUser) for (const listener of set) this.call(userId, listener, RESYNC);
  }

  private call(userId: string, listener: LiveListener, event: LiveEvent): void {
    try {
      listener(event);
    } catch {
      this.byUser.get(userId)?.delete(listener);
    }
  }
}
