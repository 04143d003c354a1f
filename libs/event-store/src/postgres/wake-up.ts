/**
 * A latch between appends (NOTIFY) and a caught-up reader: a notification that arrives while the reader
 * is busy is remembered, so the next wait returns at once instead of sleeping past new events.
 */
export class WakeUp {
  private pending = false;
  private release: (() => void) | undefined;

  notify(): void {
    this.pending = true;
    this.release?.();
  }

  /** Clears remembered notifications; call before each read so that only later ones count. */
  reset(): void {
    this.pending = false;
  }

  /**
   * Resolves on a notification (also one since the last reset) or after `timeoutMs`, whichever is first:
   * true when notified.
   */
  wait(timeoutMs: number): Promise<boolean> {
    if (this.pending) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (notified: boolean): void => {
        clearTimeout(timer);
        this.release = undefined;
        resolve(notified);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      this.release = () => done(true);
    });
  }
}
