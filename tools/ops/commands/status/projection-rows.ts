import { describeLockHolder } from '@marketplace/projections';
import type { Knex } from 'knex';
import type { Pool } from 'pg';
import { formatCount } from '../../output/table';
import { projectionReports, type ProjectionReport } from '../../services/projection-reports';

/** One row per projection of every event-sourced service: SERVICE PROJECTION VERSION CHECKPOINT HEAD LAG STATE. */
export async function projectionRows(knex: Knex, pool: Pool): Promise<string[][]> {
  return (await projectionReports(knex, pool)).map((report) => {
    const { service, status } = report;
    if (report.problem !== undefined) return [service, '-', '-', '-', '-', '-', `not set up: ${report.problem}`];
    if (!status) return [service, report.name ?? '-', String(report.version), '-', '-', '-', 'never started'];
    return [service, status.name, String(status.version), position(status.checkpoint), position(status.head), formatCount(status.lag), state(report)];
  });
}

function position(at: { prepare: bigint } | undefined): string {
  return at ? at.prepare.toString() : '-';
}

function state({ status, holders }: ProjectionReport): string {
  const parts = [holders?.live ? `running in ${describeLockHolder(holders.live)}` : 'not running'];
  if (status?.rebuild) {
    const by = holders?.rebuild ? ` by ${describeLockHolder(holders.rebuild)}` : ' (left over: the next rebuild starts afresh)';
    parts.push(`rebuilding${by}, ${formatCount(status.rebuild.lag)} events to go`);
  }
  return parts.join('; ');
}
