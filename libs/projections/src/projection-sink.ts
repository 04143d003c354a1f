import type { Position, RecordedEvent } from '@marketplace/event-store';

/**
 * Where a runner writes: the read-model tables together with their checkpoint. `write` is atomic (the
 * rows and the checkpoint move together or not at all) and skips events at or before the checkpoint,
 * so replaying a batch after a crash or a lost acknowledgement never applies anything twice.
 */
export interface ProjectionSink {
  checkpoint(): Promise<Position | undefined>;
  write(events: readonly RecordedEvent[]): Promise<void>;
}
