export interface RelayBatcherOptions<T> {
  /** Most items per batch. */
  maxItems: number;
  /** Most bytes per batch, as `bytesOf` counts them; an item larger on its own goes alone. */
  maxBytes: number;
  bytesOf: (item: T) => number;
  /** How long a partial batch waits for more items while no batch is in flight. */
  lingerMs: number;
  flush: (batch: T[]) => Promise<void>;
  /** Called once, on the first failed flush; later adds reject with that error. */
  onFailure: (error: unknown) => void;
}

/**
 * Groups items handed over one at a time into batches, flushed in order, one at a time. While a batch
 * is in flight the next one fills, and goes as soon as the first is done: the source keeps reading
 * during the round trip, and batches grow with the load (up to maxItems / maxBytes) instead of waiting
 * for a timer. Adding to a full next batch waits for the flush in flight (back-pressure).
 */
export class RelayBatcher<T> {
  private buffer: T[] = [];
  private bufferedBytes = 0;
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<void>;
  private failure?: { error: unknown };
  private taken: (() => void)[] = [];

  constructor(private readonly options: RelayBatcherOptions<T>) {}

  async add(item: T): Promise<void> {
    this.throwIfFailed();
    this.buffer.push(item);
    this.bufferedBytes += this.options.bytesOf(item);
    if (this.inFlight) {
      if (this.isFull()) await new Promise<void>((resolve) => this.taken.push(resolve));
      this.throwIfFailed();
    } else if (this.isFull()) {
      this.next();
    } else {
      this.timer ??= setTimeout(() => this.next(), this.options.lingerMs);
    }
  }

  /** Flushes everything buffered; resolves when all is flushed, rejects if a flush failed. */
  async flush(): Promise<void> {
    while (!this.failure && (this.inFlight || this.buffer.length > 0)) {
      this.next();
      await this.settled();
    }
    this.throwIfFailed();
  }

  /** Resolves once no batch is in flight, whether it succeeded or not. */
  async settled(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  /** The error of the first failed flush, if any. */
  get error(): { error: unknown } | undefined {
    return this.failure;
  }

  cancelLinger(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  private isFull(): boolean {
    return this.buffer.length >= this.options.maxItems || this.bufferedBytes >= this.options.maxBytes;
  }

  /** Starts flushing the next batch, unless one is in flight (its end starts the next) or a flush failed. */
  private next(): void {
    this.cancelLinger();
    if (this.inFlight || this.failure || this.buffer.length === 0) return;
    const batch = this.take();
    this.inFlight = this.options.flush(batch).then(
      () => {
        this.inFlight = undefined;
        this.next();
      },
      (error: unknown) => {
        this.inFlight = undefined;
        this.failure = { error };
        this.releaseWaiting();
        this.options.onFailure(error);
      },
    );
    this.releaseWaiting();
  }

  private take(): T[] {
    let count = 0;
    let bytes = 0;
    for (const item of this.buffer) {
      const size = this.options.bytesOf(item);
      if (count === this.options.maxItems || (count > 0 && bytes + size > this.options.maxBytes)) break;
      count += 1;
      bytes += size;
    }
    this.bufferedBytes -= bytes;
    return this.buffer.splice(0, count);
  }

  private releaseWaiting(): void {
    for (const release of this.taken.splice(0)) release();
  }
}
