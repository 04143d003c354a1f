/** A rebuild asked for through the ops server, as the console shows it. */
export interface RebuildView {
  id: string;
  service: string;
  projection: string;
  status: 'running' | 'succeeded' | 'failed';
  /** Events written into the shadow tables so far. */
  processed: number;
  /** Events the log held when it started (grows if the log outgrows it); on success, the events read. */
  total: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  /** The admin who asked for it. */
  requestedBy: string;
}
