import type { Knex } from 'knex';
import type { EventStore, Position } from '@marketplace/event-store';
import { AdvisoryLock } from './advisory-lock';
import { catchUp } from './catch-up';
import { CheckpointStore } from './checkpoint-store';
import { ProjectionBusyError } from './errors';
import { describeLockHolder, lockHolder, rebuildLockKey } from './lock-holders';
import { PostgresProjectionSink } from './postgres-projection-sink';
import type { ProjectionDefinition } from './projection';
import { dropTables, recreateTables, swapInShadowTables } from './table-ddl';

export interface ShadowRebuildContext {
  knex: Knex;
  store: EventStore;
  checkpoints: CheckpointStore;
  schema: string;
  projection: ProjectionDefinition;
  /** Events per read (and per transaction, for a projection without a rebuild fold). */
  batchSize: number;
  /** Rows a rebuild fold may hold in memory before it writes them (with the checkpoint). */
  maxRows: number;
  signal?: AbortSignal;
  /** Told the number of events each batch moved the shadow tables on by (folded, for a rebuild fold). */
  onProgress?: (events: number) => void;
}

/** What a caller of a rebuild may add: its own way to cancel it, and progress. */
export type RebuildOptions = Pick<ShadowRebuildContext, 'signal' | 'onProgress'>;

export interface RebuildResult {
  /** Events read from the log (handled or not) into the new tables. */
  events: number;
  /** Checkpoint the swapped-in tables carry. */
  position: Position | undefined;
}

/**
 * Builds the projection from the start of the log into shadow tables while the live tables keep
 * serving and their runner keeps writing, then swaps them in:
 * 1. recreate the shadow tables and their checkpoint row, and catch them up in large batches (folded in
 *    memory across batches when the projection has a rebuild fold, so a row is written once per flush);
 * 2. in one transaction: row-lock both checkpoints (the live runner waits on its row from here on),
 *    apply the last events to the shadow, swap the tables, and copy the shadow checkpoint and version
 *    onto the live row (an UPDATE, so the waiting runner reads the new values and skips what the
 *    shadow already holds).
 * Only one rebuild of a projection runs at a time, across processes.
 */
export async function rebuildProjection(ctx: ShadowRebuildContext): Promise<RebuildResult> {
  const { knex, schema, projection, checkpoints } = ctx;
  const key = rebuildLockKey(schema, projection.name);
  const lock = await AdvisoryLock.tryAcquire(knex, key);
  if (!lock) {
    const holder = await lockHolder(knex, key).catch(() => undefined);
    const by = holder ? `, by ${describeLockHolder(holder)}` : '';
    throw new ProjectionBusyError(`A rebuild of projection "${projection.name}" is already running${by}`);
  }
  const liveName = CheckpointStore.rowName(projection.name, 'live');
  const shadowName = CheckpointStore.rowName(projection.name, 'shadow');
  const shadow = new PostgresProjectionSink(knex, checkpoints, schema, projection, 'shadow');
  try {
    await knex.transaction(async (trx) => {
      await checkpoints.delete(trx, shadowName);
      await recreateTables(trx, schema, projection, 'shadow');
      await checkpoints.insert(trx, shadowName, { position: undefined, version: projection.version });
    });
    const written = (events: readonly unknown[]) => ctx.onProgress?.(events.length);
    const bulkWriter = shadow.bulkWriter(ctx.maxRows);
    const bulk = await catchUp(ctx.store, undefined, ctx.batchSize, (events) => bulkWriter.write(events).then(() => written(events)), ctx.signal);
    await bulkWriter.finish();
    return await knex.transaction(async (trx) => {
      await checkpoints.lock(trx, [liveName, shadowName]);
      const last = await catchUp(ctx.store, bulk.position, ctx.batchSize, (events) => shadow.writeIn(trx, events).then(() => written(events)), ctx.signal);
      await swapInShadowTables(trx, schema, projection);
      const swapped = { position: last.position, version: projection.version };
      if (await checkpoints.read(trx, liveName)) await checkpoints.update(trx, liveName, swapped);
      else await checkpoints.insert(trx, liveName, swapped);
      await checkpoints.delete(trx, shadowName);
      return { events: bulk.events + last.events, position: last.position };
    });
  } catch (error) {
    await dropShadow(ctx, shadowName).catch(() => undefined);
    throw error;
  } finally {
    await lock.release().catch(() => undefined);
  }
}

async function dropShadow(ctx: ShadowRebuildContext, shadowName: string): Promise<void> {
  await ctx.knex.transaction(async (trx) => {
    await ctx.checkpoints.delete(trx, shadowName);
    await dropTables(trx, ctx.schema, ctx.projection, 'shadow');
  });
}
