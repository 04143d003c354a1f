import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { KNEX, LOGGER, NotFoundError, schemaFor } from '@marketplace/platform';
import { lockHolder, rebuildLockKey } from '@marketplace/projections';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { OpsConflictError } from '../../ops-command';
import type { OpsConnection } from '../../ops-context';
import { rebuildProjection } from '../../services/rebuild-projection';
import { AuditLog } from '../audit/audit-log';
import { OPS_CONNECTION } from '../ops-connection';
import { INTERRUPTED, rebuildHistory } from './rebuild-history';
import type { RebuildView } from './rebuild-view';

/**
 * Runs rebuilds in the background of this process (the CLI's rebuild, unchanged) and keeps the progress
 * of those running for polling. Ended ones are read back from the audit stream, so they outlive a
 * restart. Stopping the server interrupts a running rebuild, which drops its shadow tables; one whose
 * end a crash left unrecorded is recorded as interrupted when the server next starts.
 */
@Injectable()
export class RebuildRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly views = new Map<string, RebuildView>();
  private readonly running = new Set<Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(
    @Inject(OPS_CONNECTION) private readonly connection: OpsConnection,
    @Inject(KNEX) private readonly knex: Knex,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Starts a rebuild and resolves once it runs (its projection found): an unknown projection is an
   * OpsNotFoundError, one already rebuilding (here, or in any process holding its lock) an OpsConflictError.
   */
  async start(service: string, projection: string, adminId: string): Promise<RebuildView> {
    await this.refuseIfRunning(service, projection);
    const view: RebuildView = {
      id: this.ids.next(),
      service,
      projection,
      status: 'running',
      processed: 0,
      total: 0,
      startedAt: this.clock.now().toISOString(),
      finishedAt: null,
      error: null,
      requestedBy: adminId,
    };
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const rebuild = rebuildProjection(this.connection, {
      projection,
      service,
      signal: this.stopping.signal,
      onStart: ({ total }) => {
        view.total = total;
        this.views.set(view.id, view);
        started();
      },
      onProgress: (events) => {
        view.processed += events;
        view.total = Math.max(view.total, view.processed);
      },
    });
    await Promise.race([running, rebuild]);
    await this.audit.record({ action: 'rebuild_requested', outcome: 'accepted', adminId, target: target(view), details: { rebuildId: view.id, service, projection } });
    this.track(this.finish(view, rebuild));
    return { ...view };
  }

  async view(id: string): Promise<RebuildView> {
    const view = this.views.get(id) ?? (await this.history()).find((ended) => ended.id === id);
    if (!view) throw new NotFoundError(`No rebuild ${id}.`);
    return { ...view };
  }

  /** The latest rebuild of each projection, keyed `<service>/<projection>`. */
  async latest(): Promise<Map<string, RebuildView>> {
    const latest = new Map<string, RebuildView>();
    for (const view of [...(await this.history()), ...this.views.values()]) latest.set(`${view.service}/${view.projection}`, { ...view });
    return latest;
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.endInterrupted();
    } catch (error) {
      this.logger.warn({ err: error }, 'rebuilds left unended by an earlier run could not be looked for in the audit stream');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort(new Error('the ops server is stopping'));
    await Promise.all(this.running);
  }

  /** Those of the audit stream, ended or not, except the ones running here (their progress is in `views`). */
  private async history(): Promise<RebuildView[]> {
    return rebuildHistory(await this.audit.all()).filter((view) => !this.views.has(view.id));
  }

  /** A rebuild the audit stream shows running that no process holds any more stopped with its process. */
  private async endInterrupted(): Promise<void> {
    for (const view of await this.history()) {
      if (view.status !== 'running' || (await lockHolder(this.knex, rebuildLockKey(schemaFor(view.service), view.projection)))) continue;
      const details = { rebuildId: view.id, service: view.service, projection: view.projection, error: INTERRUPTED };
      await this.audit.record({ action: 'rebuild_finished', outcome: 'failed', adminId: view.requestedBy, target: target(view), details });
      this.logger.warn({ rebuildId: view.id, service: view.service, projection: view.projection }, 'recorded a rebuild left unended by an earlier run as interrupted');
    }
  }

  private async refuseIfRunning(service: string, projection: string): Promise<void> {
    const here = [...this.views.values()].findLast((view) => view.service === service && view.projection === projection);
    const holder = here?.status === 'running' ? undefined : await lockHolder(this.knex, rebuildLockKey(schemaFor(service), projection));
    if (here?.status === 'running' || holder) {
      const by = holder ? ` by ${holder.application || `PostgreSQL backend ${holder.pid}`}` : '';
      throw new OpsConflictError(`A rebuild of projection "${projection}" (${service}) is already running${by}.`);
    }
  }

  private async finish(view: RebuildView, rebuild: ReturnType<typeof rebuildProjection>): Promise<void> {
    const details = { rebuildId: view.id, service: view.service, projection: view.projection };
    try {
      const result = await rebuild;
      Object.assign(view, { status: 'succeeded', processed: result.events, total: result.events, finishedAt: this.clock.now().toISOString() });
      await this.audit.record({ action: 'rebuild_finished', outcome: 'succeeded', adminId: view.requestedBy, target: target(view), details: { ...details, processed: result.events } });
    } catch (error) {
      const message = (error as Error).message;
      Object.assign(view, { status: 'failed', error: message, finishedAt: this.clock.now().toISOString() });
      await this.audit.record({ action: 'rebuild_finished', outcome: 'failed', adminId: view.requestedBy, target: target(view), details: { ...details, error: message.slice(0, 2000) } });
    }
  }

  private track(work: Promise<void>): void {
    // The view already says how it ended; an audit append that failed is logged, not left unhandled.
    const tracked = work.catch((error: unknown) => this.logger.error({ err: error }, 'the end of a rebuild could not be recorded in the audit stream')).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }
}

function target(view: RebuildView): string {
  return `projection ${view.service}/${view.projection}`;
}
