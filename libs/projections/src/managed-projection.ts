import type { Knex } from 'knex';
import type { EventStore } from '@marketplace/event-store';
import { AdvisoryLock } from './advisory-lock';
import { CheckpointStore, type Checkpoint } from './checkpoint-store';
import { backoffMs, delay, type RetryPolicy } from './delay';
import { ProjectionBusyError, ProjectionVersionMismatchError } from './errors';
import { LiveRunner } from './live-runner';
import { PostgresProjectionSink } from './postgres-projection-sink';
import type { ProjectionDefinition } from './projection';
import type { ProjectionState } from './projection-status';
import { liveLockKey } from './lock-holders';
import { rebuildProjection, type RebuildOptions, type RebuildResult } from './shadow-rebuild';
import { recreateTables } from './table-ddl';

/** pino-compatible, so a service passes its logger as is. */
export interface ProjectionLogger {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface ManagedProjectionSettings {
  knex: Knex;
  store: EventStore;
  schema: string;
  checkpoints: CheckpointStore;
  batchSize: number;
  rebuildBatchSize: number;
  rebuildMaxRows: number;
  flushDelayMs: number;
  lockRetryMs: number;
  retry: RetryPolicy;
  logger?: ProjectionLogger;
}

/**
 * One projection in this process: competes for its advisory lock (one active runner per projection
 * across processes), initialises or upgrades its tables, and runs the live runner while it holds the
 * lock. Rebuilds can be asked of any process; they coordinate with the runner through the checkpoint row.
 */
export class ManagedProjection {
  private state: ProjectionState = 'stopped';
  private rebuilds = 0;
  private supervisor: Promise<void> | undefined;
  private stopController = new AbortController();
  private readonly rebuildControllers = new Set<AbortController>();
  private runner: LiveRunner | undefined;
  private failure: unknown;
  private readonly liveName: string;

  constructor(
    readonly definition: ProjectionDefinition,
    private readonly settings: ManagedProjectionSettings,
  ) {
    this.liveName = CheckpointStore.rowName(definition.name, 'live');
  }

  get currentState(): ProjectionState {
    return this.rebuilds > 0 ? 'rebuilding' : this.state;
  }

  get lastError(): unknown {
    return this.runner?.lastError ?? this.failure;
  }

  start(): void {
    if (this.supervisor) return;
    this.stopController = new AbortController();
    this.failure = undefined;
    this.supervisor = this.supervise().finally(() => {
      this.state = 'stopped';
      this.supervisor = undefined;
    });
  }

  /** Stops the runner and cancels this process's rebuilds (their shadow tables are dropped). */
  async stop(): Promise<void> {
    this.stopController.abort();
    for (const controller of this.rebuildControllers) controller.abort();
    await this.runner?.stop();
    await this.supervisor;
  }

  async rebuild(options: RebuildOptions = {}): Promise<RebuildResult> {
    if (this.rebuilds > 0) throw new ProjectionBusyError(`A rebuild of projection "${this.definition.name}" is already running`);
    this.rebuilds += 1;
    const controller = new AbortController();
    this.rebuildControllers.add(controller);
    try {
      const { knex, store, checkpoints, schema, rebuildBatchSize, rebuildMaxRows } = this.settings;
      const result = await rebuildProjection({
        knex,
        store,
        checkpoints,
        schema,
        projection: this.definition,
        batchSize: rebuildBatchSize,
        maxRows: rebuildMaxRows,
        signal: options.signal ? AbortSignal.any([controller.signal, options.signal]) : controller.signal,
        onProgress: options.onProgress,
      });
      this.settings.logger?.info({ projection: this.definition.name, events: result.events }, 'projection rebuilt and swapped in');
      return result;
    } finally {
      this.rebuildControllers.delete(controller);
      this.rebuilds -= 1;
    }
  }

  private async supervise(): Promise<void> {
    const { signal } = this.stopController;
    let attempt = 0;
    while (!signal.aborted) {
      this.state = 'standby';
      const lock = await AdvisoryLock.tryAcquire(this.settings.knex, liveLockKey(this.settings.schema, this.definition.name)).catch(
        (error: unknown) => this.failed(error, (attempt += 1)),
      );
      if (!lock) {
        await delay(attempt > 0 ? backoffMs(this.settings.retry, attempt) : this.settings.lockRetryMs, signal);
        continue;
      }
      try {
        await this.holdAndRun();
        return;
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof ProjectionVersionMismatchError) {
          // Retrying cannot help: the tables belong to another version of the code.
          this.failure = error;
          this.settings.logger?.error({ projection: this.definition.name, err: error }, 'projection stopped');
          return;
        }
        this.failed(error, (attempt += 1));
        await delay(backoffMs(this.settings.retry, attempt), signal);
      } finally {
        await lock.release().catch(() => undefined);
        this.runner = undefined;
      }
    }
  }

  private async holdAndRun(): Promise<void> {
    const stored = await this.initialise();
    if (stored.version > this.definition.version) {
      throw new ProjectionVersionMismatchError(this.definition.name, stored.version, this.definition.version);
    }
    if (stored.version < this.definition.version) await this.rebuild();
    const { knex, store, checkpoints, schema } = this.settings;
    this.runner = new LiveRunner({
      store,
      sink: new PostgresProjectionSink(knex, checkpoints, schema, this.definition, 'live'),
      batchSize: this.settings.batchSize,
      catchUpBatchSize: this.settings.rebuildBatchSize,
      flushDelayMs: this.settings.flushDelayMs,
      retry: this.settings.retry,
      isFatal: (error) => error instanceof ProjectionVersionMismatchError,
      onError: (error, attempt) =>
        this.settings.logger?.error({ projection: this.definition.name, attempt, err: error }, 'projection write failed; retrying from checkpoint'),
    });
    if (this.stopController.signal.aborted) return;
    this.state = 'running';
    this.failure = undefined;
    await this.runner.run();
  }

  /** Creates the live tables and checkpoint on first run; returns the stored checkpoint. */
  private initialise(): Promise<Checkpoint> {
    const { knex, checkpoints, schema } = this.settings;
    return knex.transaction(async (trx) => {
      const existing = (await checkpoints.lock(trx, [this.liveName])).get(this.liveName);
      if (existing) return existing;
      await recreateTables(trx, schema, this.definition, 'live');
      const created = { position: undefined, version: this.definition.version };
      await checkpoints.insert(trx, this.liveName, created);
      return created;
    });
  }

  private failed(error: unknown, attempt: number): undefined {
    this.failure = error;
    this.settings.logger?.error({ projection: this.definition.name, attempt, err: error }, 'projection failed; retrying');
    return undefined;
  }
}
