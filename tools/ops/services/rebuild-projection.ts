import { lagInEvents, ProjectionBusyError, type RebuildResult } from '@marketplace/projections';
import { OpsConflictError, OpsError } from '../ops-command';
import type { OpsConnection } from '../ops-context';
import { withKnex } from './ops-knex';
import { projectionOwner } from './service-projections';

export interface RebuildRequest {
  projection: string;
  /** The owning service, when two have a projection of that name. */
  service?: string;
  signal?: AbortSignal;
  /** Once the owner is known: the events the log holds now (the rebuild reads at least these). */
  onStart?(owner: { service: string; total: number }): void;
  /** Events written into the shadow tables since the last call. */
  onProgress?(events: number): void;
}

/**
 * Rebuilds a projection into shadow tables and swaps them in (libs/projections' shadow rebuild), for
 * `projections rebuild` and the ops server alike. A rebuild already running anywhere is an
 * OpsConflictError naming its holder; an interrupted one leaves the live tables as they were.
 */
export async function rebuildProjection(connection: OpsConnection, request: RebuildRequest): Promise<RebuildResult & { service: string }> {
  const { projection, signal } = request;
  return withKnex(connection.databaseUrl, async (knex) => {
    const owner = await projectionOwner(projection, request.service, knex, connection.pool);
    await owner.engine.migrate();
    const head = await owner.engine.status([projection]).then(([status]) => status.head);
    request.onStart?.({ service: owner.service, total: lagInEvents(head, undefined) });
    try {
      const result = await owner.engine.rebuild(projection, { signal, onProgress: request.onProgress });
      return { ...result, service: owner.service };
    } catch (error) {
      if (error instanceof ProjectionBusyError) throw new OpsConflictError(error.message);
      if (signal?.aborted) throw new OpsError('interrupted: the shadow tables were dropped and the live read model is unchanged; run the command again to rebuild');
      throw error;
    }
  });
}
