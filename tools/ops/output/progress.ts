import type { Progress } from '../ops-context';
import type { OutputStream } from './terminal-output';

/** Counting and rates shared by both renderings. */
abstract class CountingProgress implements Progress {
  protected count = 0;
  private readonly started: number;

  constructor(
    protected readonly stream: OutputStream,
    protected readonly label: string,
    protected readonly total: number | undefined,
    protected readonly unit: string,
    protected readonly now: () => number,
  ) {
    this.started = now();
  }

  advance(count: number): void {
    this.count += count;
    this.render(false);
  }

  done(summary?: string): void {
    this.render(true);
    if (summary) this.stream.write(`${this.label}: ${summary}\n`);
  }

  protected abstract render(final: boolean): void;

  protected describe(): string {
    const seconds = Math.max((this.now() - this.started) / 1000, 0.001);
    const of = this.total === undefined ? '' : `/${this.total.toLocaleString('en-US')}`;
    const rate = Math.round(this.count / seconds).toLocaleString('en-US');
    return `${this.count.toLocaleString('en-US')}${of} ${this.unit}, ${rate} ${this.unit}/s, ${seconds.toFixed(1)} s`;
  }
}

/** A bar redrawn in place, at most ten times a second. */
export class BarProgress extends CountingProgress {
  private drawnAt = 0;

  protected render(final: boolean): void {
    if (!final && this.now() - this.drawnAt < 100) return;
    this.drawnAt = this.now();
    const width = 30;
    const share = this.total ? Math.min(this.count / this.total, 1) : undefined;
    const bar = share === undefined ? '' : `[${'#'.repeat(Math.round(share * width)).padEnd(width, '.')}] `;
    this.stream.write(`\r\x1b[2K${this.label} ${bar}${this.describe()}${final ? '\n' : ''}`);
  }
}

/** A plain line every few seconds, for logs and pipes. */
export class LineProgress extends CountingProgress {
  private writtenAt = this.now();

  protected render(final: boolean): void {
    if (!final && this.now() - this.writtenAt < 5000) return;
    this.writtenAt = this.now();
    this.stream.write(`${this.label}: ${this.describe()}\n`);
  }
}
