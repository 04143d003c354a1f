import type { OpsOutput, Progress } from '../ops-context';
import { BarProgress, LineProgress } from './progress';

export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Results to stdout; progress to stderr, as a bar on a terminal and as a line now and then otherwise. */
export class TerminalOutput implements OpsOutput {
  constructor(
    private readonly stdout: OutputStream,
    private readonly stderr: OutputStream,
    private readonly now: () => number = Date.now,
  ) {}

  line(text: string): void {
    this.stdout.write(`${text}\n`);
  }

  progress(label: string, total?: number, unit = 'events'): Progress {
    const Kind = this.stderr.isTTY ? BarProgress : LineProgress;
    return new Kind(this.stderr, label, total, unit, this.now);
  }
}
