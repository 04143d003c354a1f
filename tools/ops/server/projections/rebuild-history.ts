import type { OpsActionRecorded } from '@marketplace/contracts';
import type { RebuildView } from './rebuild-view';

/** What the audit stream says of an ended rebuild that did not record its end: its process stopped first. */
export const INTERRUPTED = 'interrupted: the ops server stopped before the rebuild ended';

/**
 * The rebuilds asked for through the ops server, as the audit stream records them (oldest first): each
 * `rebuild_requested` starts a view, its `rebuild_finished` ends it. One without an end is `running` here;
 * the runner ends those that no process runs any more. Progress while running is the runner's, in memory.
 */
export function rebuildHistory(actions: readonly OpsActionRecorded[]): RebuildView[] {
  const views = new Map<string, RebuildView>();
  for (const action of actions) {
    const { rebuildId, service, projection } = action.details;
    if (typeof rebuildId !== 'string' || typeof service !== 'string' || typeof projection !== 'string') continue;
    if (action.action === 'rebuild_requested') {
      views.set(rebuildId, { id: rebuildId, service, projection, status: 'running', processed: 0, total: 0, startedAt: action.recordedAt, finishedAt: null, error: null, requestedBy: action.adminId });
    }
    const view = views.get(rebuildId);
    if (action.action !== 'rebuild_finished' || !view) continue;
    const processed = typeof action.details.processed === 'number' ? action.details.processed : view.processed;
    const error = typeof action.details.error === 'string' ? action.details.error : null;
    Object.assign(view, { status: action.outcome === 'succeeded' ? 'succeeded' : 'failed', processed, total: processed, finishedAt: action.recordedAt, error });
  }
  return [...views.values()];
}
