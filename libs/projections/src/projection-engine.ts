import type { Knex } from 'knex';
import type { Registry } from 'prom-client';
import type { EventStore } from '@marketplace/event-store';
import { CheckpointStore } from './checkpoint-store';
import type { RetryPolicy } from './delay';
import { UnknownProjectionError } from './errors';
import { registerLagGauge } from './lag-gauge';
import { ManagedProjection, type ProjectionLogger } from './managed-projection';
import { lagInEvents } from './position';
import type { ProjectionDefinition } from './projection';
import type { ProjectionStatus } from './projection-status';
import type { RebuildOptions, RebuildResult } from './shadow-rebuild';
import { validateProjections } from './validate-projection';

export interface ProjectionEngineOptions {
  /** The service's database; each running projection holds one pooled connection for its lock. */
  knex: Knex;
  eventStore: EventStore;
  /** The service's schema: read-model tables and `projection_checkpoints` live there. */
  schema: string;
  projections: readonly ProjectionDefinition[];
  /** Where `projection_lag_events` is registered (the service's /metrics registry). */
  registry?: Registry;
  logger?: ProjectionLogger;
  /** Events per transaction while following the live log. Default 500. */
  batchSize?: number;
  /** Events per transaction when rebuilding or catching up from far behind. Default 5000. */
  rebuildBatchSize?: number;
  /**
   * Rows a rebuild may fold in memory before writing them, for projections with a rebuild fold (row
   * projections). Default 250,000: a rebuild that fits writes each row once.
   */
  rebuildMaxRows?: number;
  /** How long a partial live batch waits for more events. Default 10 ms. */
  flushDelayMs?: number;
  /** How often a standby process tries to take over a projection. Default 5 s. */
  lockRetryMs?: number;
  /** Backoff after a failed write. Default 100 ms doubling to 30 s. */
  retry?: RetryPolicy;
}

/**
 * Runs a service's projections: `migrate()` once, then `start()`; `rebuild(name)` rebuilds one into
 * shadow tables and swaps it in without stopping reads; `status()` and the lag gauge report progress.
 */
export class ProjectionEngine {
  private readonly checkpoints: CheckpointStore;
  private readonly projections: Map<string, ManagedProjection>;

  constructor(private readonly options: ProjectionEngineOptions) {
    validateProjections(options.schema, options.projections);
    this.checkpoints = new CheckpointStore(options.schema);
    const settings = {
      knex: options.knex,
      store: options.eventStore,
      schema: options.schema,
      checkpoints: this.checkpoints,
      batchSize: options.batchSize ?? 500,
      rebuildBatchSize: options.rebuildBatchSize ?? 5000,
      rebuildMaxRows: options.rebuildMaxRows ?? 250_000,
      flushDelayMs: options.flushDelayMs ?? 10,
      lockRetryMs: options.lockRetryMs ?? 5000,
      retry: options.retry ?? { initialMs: 100, maxMs: 30_000 },
      logger: options.logger,
    };
    this.projections = new Map(options.projections.map((p) => [p.name, new ManagedProjection(p, settings)]));
    if (options.registry) registerLagGauge(options.registry, () => this.status());
  }

  /** Creates the schema and the checkpoint table; read-model tables are created when a projection starts. */
  migrate(): Promise<void> {
    return this.checkpoints.migrate(this.options.knex);
  }

  /** Starts every projection (or the named ones) in the background; returns at once. */
  start(names?: string[]): void {
    for (const projection of this.select(names)) projection.start();
  }

  async stop(names?: string[]): Promise<void> {
    await Promise.all(this.select(names).map((projection) => projection.stop()));
  }

  /** Rebuilds from the start of the log into shadow tables, then swaps them in; resolves when swapped. */
  rebuild(name: string, options?: RebuildOptions): Promise<RebuildResult> {
    return this.get(name).rebuild(options);
  }

  async status(names?: string[]): Promise<ProjectionStatus[]> {
    const selected = this.select(names);
    const head = await this.options.eventStore.headPosition();
    const rows = await this.checkpoints.readAll(
      this.options.knex,
      selected.flatMap(({ definition }) => [
        CheckpointStore.rowName(definition.name, 'live'),
        CheckpointStore.rowName(definition.name, 'shadow'),
      ]),
    );
    return selected.map((projection) => {
      const { name, version } = projection.definition;
      const checkpoint = rows.get(CheckpointStore.rowName(name, 'live'))?.position;
      const shadow = rows.get(CheckpointStore.rowName(name, 'shadow'));
      const lastError = projection.lastError;
      return {
        name,
        version,
        state: projection.currentState,
        checkpoint,
        head,
        lag: lagInEvents(head, checkpoint),
        ...(shadow && { rebuild: { checkpoint: shadow.position, lag: lagInEvents(head, shadow.position) } }),
        ...(lastError !== undefined && { lastError: lastError instanceof Error ? lastError.message : String(lastError) }),
      };
    });
  }

  private get(name: string): ManagedProjection {
    const projection = this.projections.get(name);
    if (!projection) throw new UnknownProjectionError(name);
    return projection;
  }

  private select(names: string[] | undefined): ManagedProjection[] {
    return names ? names.map((name) => this.get(name)) : [...this.projections.values()];
  }
}
