import type { Knex } from 'knex';
import type { RecordedEvent } from '@marketplace/event-store';

/** Where a table's DDL creates it: the live table, or its shadow while a rebuild runs. */
export interface TableTarget {
  /** Schema-qualified, quoted name to use in SQL, e.g. `"orders"."order_summaries__rebuild"`. */
  readonly sql: string;
  /** Unqualified physical name, e.g. `order_summaries__rebuild`. */
  readonly physicalName: string;
  /**
   * Quoted name for an index or constraint of this table (`<physical name>_<suffix>`). Names made
   * here follow the table when a rebuilt shadow is swapped in, so the next rebuild can reuse them.
   */
  ident(suffix: string): string;
}

/** One read-model table; its DDL takes the target so the same statements build live or shadow tables. */
export interface TableDefinition {
  /** Name readers query, unqualified, lower-case `[a-z_][a-z0-9_]*`. */
  readonly name: string;
  /** Statements that create the table (and its indexes) at `target`. */
  ddl(target: TableTarget): string[];
}

/** Resolves a declared table name to the quoted, qualified physical table being written right now. */
export type TableResolver = (table: string) => string;

/**
 * A read model kept in PostgreSQL tables of the service's schema, folded from the global log.
 * `apply` must only write through `trx` and the names from `tables`: the runner commits the write and
 * the checkpoint together, and a rebuild points `tables` at shadow tables.
 */
export interface ProjectionDefinition {
  /** Unique within the schema, lower-case `[a-z][a-z0-9_-]*`; names the checkpoint and the metric label. */
  readonly name: string;
  /** Bump when the tables or the fold change: a runner finding an older stored version rebuilds first. */
  readonly version: number;
  readonly tables: readonly TableDefinition[];
  /** Event types the projection reads; others only move the checkpoint. Undefined = every event. */
  readonly handles?: readonly string[];
  apply(trx: Knex.Transaction, event: RecordedEvent, tables: TableResolver): Promise<void>;
  /**
   * Optional: applies many events at once (multi-row upserts, COPY). Used for every batch when present,
   * which is what makes a rebuild fast; must give the same result as `apply` on each event in order.
   */
  applyBatch?(trx: Knex.Transaction, events: readonly RecordedEvent[], tables: TableResolver): Promise<void>;
  /**
   * Optional: a fold that holds its rows in memory across batches while a rebuild fills the shadow
   * tables from empty, so that a row many batches touch is written once per flush. Must give the same
   * tables as `applyBatch`.
   */
  rebuildFold?(tables: TableResolver): RebuildFold;
}

/** Rows folded in memory by a rebuild, written when the rebuild flushes (with its checkpoint). */
export interface RebuildFold {
  /** Rows held in memory: the rebuild flushes when it reaches its bound. */
  readonly size: number;
  /** Folds events in (the projection's types only), loading through `db` rows it does not hold. */
  add(db: Knex | Knex.Transaction, events: readonly RecordedEvent[]): Promise<void>;
  /** Writes the rows changed since the last flush through `trx`, then lets go of every row. */
  flush(trx: Knex.Transaction): Promise<void>;
}
