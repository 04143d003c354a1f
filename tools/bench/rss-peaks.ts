import { residentBytes } from './process-memory';

/** Samples the processes' resident sets every `intervalMs` and keeps each one's highest. */
export class RssPeaks {
  private readonly peaks = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(pids: number[], intervalMs: number) {
    const sample = () => {
      for (const pid of pids) {
        residentBytes(pid).then(
          (bytes) => this.peaks.set(pid, Math.max(bytes, this.peaks.get(pid) ?? 0)),
          // A service that died is reported by the load's errors, not here.
          () => undefined,
        );
      }
    };
    sample();
    this.timer = setInterval(sample, intervalMs);
  }

  /** Stops sampling; the highest resident set seen per process id. */
  stop(): Map<number, number> {
    clearInterval(this.timer);
    return this.peaks;
  }
}
