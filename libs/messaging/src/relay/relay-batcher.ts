export interface RelayBatcherOptions<T> {
  /** Items per batch: adding the item that fills one waits for its flush (back-pressure). */
  size: number;
  /** How long a partial batch may wait for more items before it is flushed anyway. */
  lingerMs: number;
  flush: (batch: T[]) => Promise<void>;
  /** Called once, on the first failed flush; later adds reject with that error. */
  onFailure: (error: unknown) => void;
}

/**
 * Groups items handed over one at a time into batches, flushed in order, one at a time: a subscription
 * delivers events singly, and the relay publishes and checkpoints them a batch at a time.
 */
export class RelayBatcher<T> {
  private buffer: T[] = [];
  private timer?: NodeJS.Timeout;
  private flushed: Promise<void> = Promise.resolve();
  private failure?: { error: unknown };

  constructor(private readonly options: RelayBatcherOptions<T>) {}

  async add(item: T): Promise<void> {
    if (this.failure) throw this.failure.error;
    this.buffer.push(item);
    if (this.buffer.length >= this.options.size) return this.flush();
    // A failure here is reported through onFailure and the next add.
    this.timer ??= setTimeout(() => this.flush().catch(() => undefined), this.options.lingerMs);
  }

  /** Flushes what is buffered; resolves when every batch so far is flushed, rejects if one failed. */
  flush(): Promise<void> {
    this.cancelLinger();
    const batch = this.buffer.splice(0);
    if (batch.length > 0) {
      this.flushed = this.flushed
        .then(() => this.options.flush(batch))
        .catch((error: unknown) => {
          if (!this.failure) {
            this.failure = { error };
            this.options.onFailure(error);
          }
          throw this.failure.error;
        });
    }
    return this.flushed;
  }

  /** The error of the first failed flush, if any. */
  get error(): { error: unknown } | undefined {
    return this.failure;
  }

  cancelLinger(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
