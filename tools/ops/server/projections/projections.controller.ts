import { type AuthenticatedUser, CurrentUser, Roles } from '@marketplace/auth';
import type { Position } from '@marketplace/event-store';
import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import type { OpsConnection } from '../../ops-context';
import { consumerGroupLags } from '../../services/consumer-group-lags';
import { withKnex } from '../../services/ops-knex';
import { projectionReports, type ProjectionReport } from '../../services/projection-reports';
import { OPS_CONNECTION } from '../ops-connection';
import { asHttp } from '../ops-http-error';
import { RebuildIdParamsDto, RebuildParamsDto } from '../ops-server.dto';
import { RebuildRunner } from './rebuild-runner';
import type { RebuildView } from './rebuild-view';

/** Projections and consumer groups (`projections status`), and rebuilds (`projections rebuild`) run in the background. */
@Roles('admin')
@Controller('admin/ops')
export class ProjectionsController {
  constructor(
    @Inject(OPS_CONNECTION) private readonly connection: OpsConnection,
    private readonly rebuilds: RebuildRunner,
  ) {}

  @Get('projections')
  async status() {
    const reports = await withKnex(this.connection.databaseUrl, (knex) => projectionReports(knex, this.connection.pool));
    const { lags } = await consumerGroupLags(this.connection);
    const rebuilds = await this.rebuilds.latest();
    return { projections: reports.map((report) => projectionView(report, rebuilds)), consumerGroups: lags };
  }

  @Post('projections/:service/:name/rebuild')
  @HttpCode(202)
  rebuild(@CurrentUser() admin: AuthenticatedUser, @Param() params: RebuildParamsDto) {
    return asHttp(() => this.rebuilds.start(params.service, params.name, admin.id), 'rebuild_running');
  }

  @Get('rebuilds/:id')
  rebuildView(@Param() params: RebuildIdParamsDto) {
    return this.rebuilds.view(params.id);
  }
}

function projectionView(report: ProjectionReport, rebuilds: Map<string, RebuildView>) {
  const { service, status, holders } = report;
  const name = report.name ?? null;
  return {
    service,
    name,
    version: report.version ?? null,
    checkpoint: position(status?.checkpoint),
    head: position(status?.head),
    lag: status?.lag ?? null,
    state: state(report),
    runningIn: holders?.live?.application || (holders?.live ? `PostgreSQL backend ${holders.live.pid}` : null),
    problem: report.problem ?? null,
    rebuild: name === null ? null : (rebuilds.get(`${service}/${name}`) ?? null),
  };
}

/** `running` (a process holds its live lock), `stopped`, `never_started` (no checkpoint yet), `unavailable` (the service's schema is not set up here). */
function state(report: ProjectionReport): 'running' | 'stopped' | 'never_started' | 'unavailable' {
  if (report.problem !== undefined) return 'unavailable';
  if (report.neverStarted) return 'never_started';
  return report.holders?.live ? 'running' : 'stopped';
}

/** A global-log position as the number of the event (it stays far below 2^53). */
function position(at: Position | undefined): number | null {
  return at ? Number(at.prepare) : null;
}
