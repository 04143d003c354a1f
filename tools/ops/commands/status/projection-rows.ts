import { describeLockHolder, projectionLockHolders, type ProjectionStatus } from '@marketplace/projections';
import type { Knex } from 'knex';
import type { Pool } from 'pg';
import { formatCount } from '../../output/table';
import { EVENT_SOURCED_SERVICES } from '../../services/event-sourced-services';
import { serviceProjections } from '../../services/service-projections';

/** One row per projection of every event-sourced service: SERVICE PROJECTION VERSION CHECKPOINT HEAD LAG STATE. */
export async function projectionRows(knex: Knex, pool: Pool): Promise<string[][]> {
  const rows: string[][] = [];
  for (const manifest of EVENT_SOURCED_SERVICES) {
    const service = await serviceProjections(manifest, knex, pool).catch((error: Error) => error);
    if (service instanceof Error) {
      rows.push([manifest.service, '-', '-', '-', '-', '-', `not set up: ${service.message}`]);
      continue;
    }
    const table = await knex.raw<{ rows: { present: boolean }[] }>('SELECT to_regclass(?) IS NOT NULL AS present', [`"${service.schema}".projection_checkpoints`]);
    if (!table.rows[0].present) {
      for (const d of service.definitions) rows.push([service.service, d.name, String(d.version), '-', '-', '-', 'never started']);
      continue;
    }
    for (const status of await service.engine.status()) {
      const holders = await projectionLockHolders(knex, service.schema, status.name);
      rows.push([service.service, status.name, String(status.version), position(status.checkpoint), position(status.head), formatCount(status.lag), state(status, holders)]);
    }
  }
  return rows;
}

function position(at: ProjectionStatus['checkpoint']): string {
  return at ? at.prepare.toString() : '-';
}

function state(status: ProjectionStatus, holders: Awaited<ReturnType<typeof projectionLockHolders>>): string {
  const parts = [holders.live ? `running in ${describeLockHolder(holders.live)}` : 'not running'];
  if (status.rebuild) {
    const by = holders.rebuild ? ` by ${describeLockHolder(holders.rebuild)}` : ' (left over: the next rebuild starts afresh)';
    parts.push(`rebuilding${by}, ${formatCount(status.rebuild.lag)} events to go`);
  }
  return parts.join('; ');
}
