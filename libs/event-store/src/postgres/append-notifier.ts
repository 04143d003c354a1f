import type { Pool } from 'pg';

/**
 * Wakes subscribers after appends have committed, outside the append transactions: a NOTIFY inside a
 * transaction takes a cluster-wide lock held through its commit, which would serialise every append.
 * Appends within a short window (and those that commit while a notification is in flight) share one.
 * Subscribers also poll, so a notification lost to a crash only delays them.
 */
export class AppendNotifier {
  private inFlight = false;
  private again = false;

  constructor(
    private readonly pool: Pool,
    private readonly channel: string,
    private readonly windowMs = 2,
  ) {}

  afterAppend(): void {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    setTimeout(() => void this.sendUntilSettled(), this.windowMs);
  }

  private async sendUntilSettled(): Promise<void> {
    do {
      this.again = false;
      await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, '']).catch(() => undefined);
    } while (this.again);
    this.inFlight = false;
  }
}
