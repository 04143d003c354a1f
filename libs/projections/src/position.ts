import { comparePositions, type Position } from '@marketplace/event-store';

/** True when `position` comes strictly after `checkpoint` (everything does when there is no checkpoint). */
export function isAfter(position: Position, checkpoint: Position | undefined): boolean {
  return checkpoint === undefined || comparePositions(position, checkpoint) > 0;
}

/**
 * Lag in events, approximated as `head.prepare - checkpoint.prepare`. On PostgreSQL `prepare` is the
 * global sequence number, so this counts the events appended since the checkpoint, over-counting by
 * sequence values lost to rolled-back appends and, while transactions commit out of sequence order,
 * by a few events either way. On KurrentDB `prepare` is a byte offset, so there the figure is a
 * relative measure, not a count. Zero exactly when the checkpoint is at or after the head.
 */
export function lagInEvents(head: Position | undefined, checkpoint: Position | undefined): number {
  if (head === undefined || !isAfter(head, checkpoint)) return 0;
  // Behind, even when a transaction that committed late took a lower sequence number than the checkpoint's.
  const lag = head.prepare - (checkpoint?.prepare ?? 0n);
  return lag > 0n ? Number(lag) : 1;
}
