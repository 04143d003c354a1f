import type { EventStore, RecordedEvent, Subscription } from '@marketplace/event-store';
import { catchUp } from './catch-up';
import { backoffMs, delay, type RetryPolicy } from './delay';
import type { ProjectionSink } from './projection-sink';

export interface LiveRunnerOptions {
  store: EventStore;
  sink: ProjectionSink;
  /** Events per transaction while following the live log; a full buffer is written at once. */
  batchSize: number;
  /** Events per transaction when catching up from the checkpoint before going live. */
  catchUpBatchSize: number;
  /** A partial buffer is written after this long, so a quiet log is still applied promptly. */
  flushDelayMs: number;
  retry: RetryPolicy;
  /** Errors that end the run instead of being retried (e.g. a newer version took over the tables). */
  isFatal: (error: unknown) => boolean;
  onError?: (error: unknown, attempt: number) => void;
}

/**
 * Keeps one projection's tables up to date: catches up from the stored checkpoint in large batches,
 * then follows the subscription, buffering events into small batches. Each batch is written with its
 * checkpoint in one transaction; after any failure the runner drops what it buffered and starts again
 * from the stored checkpoint, so nothing is skipped and (the sink skipping what it has) nothing doubles.
 */
export class LiveRunner {
  private stopping = false;
  private readonly stopped = new AbortController();
  private subscription: Subscription | undefined;
  private buffer: RecordedEvent[] = [];
  private writes: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private failure: { error: unknown } | undefined;
  private attempt = 0;
  /** The error behind the current retries; cleared by the next successful write. */
  lastError: unknown;

  constructor(private readonly options: LiveRunnerOptions) {}

  /** Runs until stop() (resolves) or a fatal error (rejects with it). */
  async run(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.follow();
      } catch (error) {
        if (this.stopping) return;
        this.lastError = error;
        this.attempt += 1;
        this.options.onError?.(error, this.attempt);
        if (this.options.isFatal(error)) throw error;
        await delay(backoffMs(this.options.retry, this.attempt), this.stopped.signal);
      }
    }
  }

  /** Stops following; what was already delivered is written before run() resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopped.abort();
    await this.subscription?.stop();
  }

  private async follow(): Promise<void> {
    const { store, sink } = this.options;
    this.failure = undefined;
    this.buffer = [];
    this.writes = Promise.resolve();
    const caughtUp = await catchUp(
      store,
      await sink.checkpoint(),
      this.options.catchUpBatchSize,
      (events) => this.written(sink.write(events)),
      this.stopped.signal,
    );
    if (this.stopping) return;
    const subscription = store.subscribeToAll({ fromPosition: caughtUp.position, onEvent: (event) => this.push(event) });
    this.subscription = subscription;
    let ended: { error: unknown } | undefined;
    await subscription.done.catch((error: unknown) => {
      ended = { error };
    });
    this.subscription = undefined;
    if (ended === undefined && this.failure === undefined) void this.flush();
    else this.buffer = [];
    this.clearTimer();
    await this.writes.catch(() => undefined);
    const failed = this.failure ?? ended;
    if (failed !== undefined) throw failed.error;
  }

  private async push(event: RecordedEvent): Promise<void> {
    if (this.failure !== undefined) throw this.failure.error;
    this.buffer.push(event);
    // Waiting for the write holds the subscription back: back-pressure instead of an unbounded buffer.
    if (this.buffer.length >= this.options.batchSize) return this.flush();
    this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), this.options.flushDelayMs);
  }

  /** Queues the buffered events as one write after those already queued; resolves when all are written. */
  private flush(): Promise<void> {
    this.clearTimer();
    if (this.buffer.length > 0) {
      const batch = this.buffer;
      this.buffer = [];
      // A rejected write rejects every later link too, so nothing is written past a failed batch.
      this.writes = this.writes.then(() => this.written(this.options.sink.write(batch)));
      this.writes.catch(() => undefined);
    }
    return this.writes;
  }

  private async written(write: Promise<void>): Promise<void> {
    try {
      await write;
      this.attempt = 0;
      this.lastError = undefined;
    } catch (error) {
      this.fail(error);
      throw error;
    }
  }

  private fail(error: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = { error };
    void this.subscription?.stop().catch(() => undefined);
  }

  private clearTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
