import type { Knex } from 'knex';
import type { Position, RecordedEvent } from '@marketplace/event-store';
import { CheckpointStore, type Checkpoint } from './checkpoint-store';
import { ProjectionNotInitialisedError, ProjectionVersionMismatchError } from './errors';
import { isAfter } from './position';
import type { ProjectionDefinition, TableResolver } from './projection';
import type { ProjectionSink } from './projection-sink';
import { tableResolver, type TableSet } from './table-names';

/** Writes a run of batches into tables filled from empty; `finish` writes what is still held. */
export interface BulkWriter {
  write(events: readonly RecordedEvent[]): Promise<void>;
  finish(): Promise<void>;
}

/** A projection's live or shadow tables in PostgreSQL, written in one transaction with their checkpoint. */
export class PostgresProjectionSink implements ProjectionSink {
  readonly checkpointName: string;
  private readonly tables: TableResolver;
  private readonly handles: ReadonlySet<string> | undefined;

  constructor(
    private readonly knex: Knex,
    private readonly checkpoints: CheckpointStore,
    schema: string,
    private readonly projection: ProjectionDefinition,
    set: TableSet,
  ) {
    this.checkpointName = CheckpointStore.rowName(projection.name, set);
    this.tables = tableResolver(schema, projection, set);
    this.handles = projection.handles && new Set(projection.handles);
  }

  async checkpoint(): Promise<Position | undefined> {
    return (await this.checkpoints.read(this.knex, this.checkpointName))?.position;
  }

  async write(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.knex.transaction((trx) => this.writeIn(trx, events));
  }

  /**
   * Applies the events after the stored checkpoint and moves it to the last event given, inside `trx`.
   * The checkpoint row is locked first, so concurrent writers of the same tables (a second runner, a
   * rebuild's swap) queue up instead of interleaving. Pass `locked` when the caller already holds it.
   */
  async writeIn(trx: Knex.Transaction, events: readonly RecordedEvent[], locked?: Checkpoint): Promise<Position | undefined> {
    const current = await this.checked(trx, locked);
    const fresh = events.filter((event) => isAfter(event.position, current.position));
    if (fresh.length === 0) return current.position;
    await this.apply(trx, this.handled(fresh));
    const position = fresh[fresh.length - 1].position;
    await this.checkpoints.update(trx, this.checkpointName, { position, version: current.version });
    return position;
  }

  /**
   * For filling these tables from empty (a rebuild's bulk phase): with the projection's rebuild fold,
   * batches are folded in memory and written with the checkpoint once `maxRows` rows are held, and at
   * `finish`; without one, each batch is written as by `write`.
   */
  bulkWriter(maxRows: number): BulkWriter {
    const fold = this.projection.rebuildFold?.(this.tables);
    if (!fold) return { write: (events) => this.write(events), finish: async () => undefined };
    let folded: Position | undefined;
    const flush = async () => {
      const position = folded;
      if (!position) return;
      await this.knex.transaction(async (trx) => {
        const current = await this.checked(trx);
        await fold.flush(trx);
        await this.checkpoints.update(trx, this.checkpointName, { position, version: current.version });
      });
      folded = undefined;
    };
    return {
      write: async (events) => {
        if (events.length === 0) return;
        await fold.add(this.knex, this.handled(events));
        folded = events[events.length - 1].position;
        if (fold.size >= maxRows) await flush();
      },
      finish: flush,
    };
  }

  /** The checkpoint row, locked (unless the caller holds it), after checking the tables are this version's. */
  private async checked(trx: Knex.Transaction, locked?: Checkpoint): Promise<Checkpoint> {
    const current = locked ?? (await this.checkpoints.lock(trx, [this.checkpointName])).get(this.checkpointName);
    if (!current) throw new ProjectionNotInitialisedError(this.checkpointName);
    if (current.version !== this.projection.version) {
      throw new ProjectionVersionMismatchError(this.projection.name, current.version, this.projection.version);
    }
    return current;
  }

  private handled(events: readonly RecordedEvent[]): readonly RecordedEvent[] {
    return this.handles ? events.filter((event) => this.handles?.has(event.type)) : events;
  }

  private async apply(trx: Knex.Transaction, events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (this.projection.applyBatch) {
      await this.projection.applyBatch(trx, events, this.tables);
      return;
    }
    for (const event of events) await this.projection.apply(trx, event, this.tables);
  }
}
