import type { Position } from '@marketplace/event-store';

/**
 * - running: this process holds the projection and follows the log;
 * - standby: another process holds it; this one takes over when it lets go;
 * - rebuilding: shadow tables are being built (the live tables are still served and, when this process
 *   holds the projection, still followed);
 * - stopped: not started, stopped, or stopped by a fatal error (see `lastError`).
 */
export type ProjectionState = 'running' | 'standby' | 'rebuilding' | 'stopped';

export interface ProjectionStatus {
  name: string;
  version: number;
  state: ProjectionState;
  /** Position the live tables hold; undefined before the first event. */
  checkpoint: Position | undefined;
  head: Position | undefined;
  /** Approximate events between checkpoint and head (see `lagInEvents`). */
  lag: number;
  /** Progress of the shadow tables while a rebuild runs (in this or another process). */
  rebuild?: { checkpoint: Position | undefined; lag: number };
  /** Message of the error the projection is retrying or stopped on. */
  lastError?: string;
}
