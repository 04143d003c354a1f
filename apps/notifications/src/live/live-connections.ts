import { Injectable } from '@nestjs/common';

/** Told that a user opened a live connection; returns what to call when it closes. */
export type ConnectionWatcher = (userId: string) => () => void;

/**
 * Open live connections (notification streams) as other features see them: conversations counts each
 * as presence of its user, so messages reaching the stream are delivered. The stream says when it
 * opens and closes; whoever cares watches.
 */
@Injectable()
export class LiveConnections {
  private readonly watchers: ConnectionWatcher[] = [];

  watch(watcher: ConnectionWatcher): void {
    this.watchers.push(watcher);
  }

  /** Counts a connection of the user in; the returned function counts it out. */
  open(userId: string): () => void {
    const closers = this.watchers.map((watcher) => watcher(userId));
    return () => closers.forEach((close) => close());
  }
}
