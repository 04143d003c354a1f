import type { Logger } from 'pino';

/**
 * A background pass run every `intervalMs` after the previous one ended, so never two at once in this
 * process. A failing pass is logged and the next one runs as planned; `stop()` waits for a running pass,
 * so call it before the resources the pass uses close (Nest's beforeApplicationShutdown).
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = true;

  constructor(
    private readonly options: { name: string; intervalMs: number; logger: Logger; pass: () => Promise<unknown> },
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.options
        .pass()
        .catch((error: unknown) => this.options.logger.error({ err: error }, `${this.options.name} failed; trying again on the next pass`))
        .finally(() => this.schedule());
    }, this.options.intervalMs);
    // A pending pass must not keep the process alive on its own.
    this.timer.unref();
  }
}
