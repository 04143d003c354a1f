/** Runs while a user has a connection on this instance; returns what ends it. */
export type PresenceHook = (userId: string) => () => void;

/** This instance's open connections by user, with what runs while each user is connected. */
export class LocalConnections {
  private readonly byUser = new Map<string, { connections: number; stops: Array<() => void> }>();

  constructor(private readonly hooks: readonly PresenceHook[]) {}

  add(userId: string): void {
    const entry = this.byUser.get(userId) ?? { connections: 0, stops: this.hooks.map((hook) => hook(userId)) };
    this.byUser.set(userId, { ...entry, connections: entry.connections + 1 });
  }

  /** The user's last connection here ends what ran while they were connected. */
  remove(userId: string): void {
    const entry = this.byUser.get(userId);
    if (!entry) return;
    if (entry.connections > 1) {
      this.byUser.set(userId, { ...entry, connections: entry.connections - 1 });
      return;
    }
    this.byUser.delete(userId);
    entry.stops.forEach((stop) => stop());
  }

  count(userId: string): number {
    return this.byUser.get(userId)?.connections ?? 0;
  }

  users(): string[] {
    return [...this.byUser.keys()];
  }
}
