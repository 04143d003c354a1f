import { type LockHolder, projectionLockHolders, type ProjectionStatus } from '@marketplace/projections';
import type { Knex } from 'knex';
import type { Pool } from 'pg';
import { EVENT_SOURCED_SERVICES } from './event-sourced-services';
import { serviceProjections } from './service-projections';

/**
 * One projection of one event-sourced service as the database shows it, whichever process runs it:
 * `status` is absent when the service never ran its projections here (`neverStarted`) or could not be
 * set up in this database (`problem`, with no projection name).
 */
export interface ProjectionReport {
  service: string;
  name?: string;
  version?: number;
  status?: ProjectionStatus;
  /** Who holds the projection's live lock (runs it) and its rebuild lock. */
  holders?: { live?: LockHolder; rebuild?: LockHolder };
  neverStarted?: boolean;
  problem?: string;
}

/** Every projection of every event-sourced service, in service order; for `projections status` and the ops server. */
export async function projectionReports(knex: Knex, pool: Pool): Promise<ProjectionReport[]> {
  const reports: ProjectionReport[] = [];
  for (const manifest of EVENT_SOURCED_SERVICES) {
    const service = await serviceProjections(manifest, knex, pool).catch((error: Error) => error);
    if (service instanceof Error) {
      reports.push({ service: manifest.service, problem: service.message });
      continue;
    }
    const table = await knex.raw<{ rows: { present: boolean }[] }>('SELECT to_regclass(?) IS NOT NULL AS present', [`"${service.schema}".projection_checkpoints`]);
    if (!table.rows[0].present) {
      for (const d of service.definitions) reports.push({ service: service.service, name: d.name, version: d.version, neverStarted: true });
      continue;
    }
    for (const status of await service.engine.status()) {
      const holders = await projectionLockHolders(knex, service.schema, status.name);
      reports.push({ service: service.service, name: status.name, version: status.version, status, holders });
    }
  }
  return reports;
}
