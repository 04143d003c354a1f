import type { Position, RecordedEvent } from '@marketplace/event-store';
import { isAfter } from '../position';
import type { ProjectionSink } from '../projection-sink';

/**
 * A unit-test double of the sink: keeps the applied events and the checkpoint in memory, with the
 * real sink's rule (skip what the checkpoint already covers) and writes that can be made to fail.
 */
export class InMemoryProjectionSink implements ProjectionSink {
  readonly applied: RecordedEvent[] = [];
  /** Size of every write attempted, failed ones included. */
  readonly writes: number[] = [];
  position: Position | undefined;
  private readonly failures: unknown[] = [];

  /** The next `count` writes throw `error` and change nothing. */
  failNextWrites(count: number, error: unknown = new Error('write failed')): void {
    for (let i = 0; i < count; i += 1) this.failures.push(error);
  }

  async checkpoint(): Promise<Position | undefined> {
    return this.position;
  }

  async write(events: readonly RecordedEvent[]): Promise<void> {
    this.writes.push(events.length);
    if (this.failures.length > 0) throw this.failures.shift();
    const fresh = events.filter((event) => isAfter(event.position, this.position));
    if (fresh.length === 0) return;
    this.applied.push(...fresh);
    this.position = fresh[fresh.length - 1].position;
  }
}
