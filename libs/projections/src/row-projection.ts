import type { Knex } from 'knex';
import type { RecordedEvent } from '@marketplace/event-store';
import type { ProjectionDefinition, RebuildFold, TableDefinition, TableResolver } from './projection';
import { quoteIdent } from './sql-names';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** A row as JSON: what `to_jsonb(row)` gives and `jsonb_populate_recordset` takes (timestamps as ISO strings). */
export type JsonRow = Record<string, JsonValue>;

export type RowId = string | number;

export interface RowProjectionOptions<TRow extends JsonRow> {
  name: string;
  version: number;
  handles?: readonly string[];
  table: TableDefinition;
  /** The table's primary key (or another unique, non-null column) that rows are matched on. */
  key: keyof TRow & string;
  /** The row an event changes; undefined when it changes none. */
  rowId(event: RecordedEvent): RowId | undefined;
  /**
   * Pure fold of one event into its row (undefined = no row yet); returns the new row, or undefined to
   * delete it. The key column is set from `rowId`. Columns left out keep their value (or default).
   */
  evolve(row: TRow | undefined, event: RecordedEvent): TRow | undefined;
}

/**
 * A projection of one row per entity, written from a pure `evolve`: each batch loads the rows it
 * touches in one query, folds all its events in memory and writes them back with one multi-row upsert
 * and one delete, so a rebuild costs a few statements per thousands of events. While a rebuild fills
 * its shadow tables, the rows stay in memory across batches (`rebuildFold`), so a row is written once
 * per flush rather than once per batch that touches it.
 */
export function rowProjection<TRow extends JsonRow>(options: RowProjectionOptions<TRow>): ProjectionDefinition {
  const applyBatch = async (trx: Knex.Transaction, events: readonly RecordedEvent[], tables: TableResolver) => {
    const fold = new RowFold(options, tables(options.table.name), false);
    await fold.add(trx, events);
    await fold.flush(trx);
  };
  return {
    name: options.name,
    version: options.version,
    handles: options.handles,
    tables: [options.table],
    apply: (trx, event, tables) => applyBatch(trx, [event], tables),
    applyBatch,
    rebuildFold: (tables) => new RowFold(options, tables(options.table.name), true),
  };
}

/**
 * Rows folded in memory and written back on flush. `complete` says the map holds every row of the table
 * (true for a shadow table it filled from empty), so a row it does not hold needs no lookup; a flush
 * forgets the rows to bound memory, and lookups resume.
 */
class RowFold<TRow extends JsonRow> implements RebuildFold {
  private readonly rows = new Map<string, TRow | undefined>();
  private readonly changed = new Set<string>();
  private readonly key: string;

  constructor(
    private readonly options: RowProjectionOptions<TRow>,
    private readonly table: string,
    private complete: boolean,
  ) {
    this.key = quoteIdent(options.key);
  }

  get size(): number {
    return this.rows.size;
  }

  async add(db: Knex | Knex.Transaction, events: readonly RecordedEvent[]): Promise<void> {
    const touched: [RecordedEvent, string, RowId][] = [];
    const missing = new Set<string>();
    for (const event of events) {
      const id = this.options.rowId(event);
      if (id === undefined) continue;
      touched.push([event, String(id), id]);
      if (!this.complete && !this.rows.has(String(id))) missing.add(String(id));
    }
    if (missing.size > 0) {
      const { rows: loaded } = await db.raw<{ rows: { row: TRow }[] }>(
        `SELECT to_jsonb(r) AS row FROM ${this.table} r WHERE r.${this.key} = ANY(?)`,
        // As text: PostgreSQL casts the array to the key column's type, whatever it is.
        [[...missing]],
      );
      for (const id of missing) this.rows.set(id, undefined);
      for (const { row } of loaded) this.rows.set(String(row[this.options.key]), row);
    }
    for (const [event, id, rowId] of touched) {
      const next = this.options.evolve(this.rows.get(id), event);
      // The key column as rowId gave it (a number stays a number), not the map's string key.
      this.rows.set(id, next && { ...next, [this.options.key]: rowId });
      this.changed.add(id);
    }
  }

  async flush(trx: Knex.Transaction): Promise<void> {
    const upserts: TRow[] = [];
    const deletes: string[] = [];
    for (const id of this.changed) {
      const row = this.rows.get(id);
      if (row) upserts.push(row);
      else deletes.push(id);
    }
    this.changed.clear();
    this.rows.clear();
    this.complete = false;
    if (deletes.length > 0) await trx.raw(`DELETE FROM ${this.table} WHERE ${this.key} = ANY(?)`, [deletes]);
    for (const sameColumns of groupByColumns(upserts)) await upsertRows(trx, this.table, this.options.key, sameColumns);
  }
}

/** One statement per column set, so that a column one row leaves out is never written as NULL for it. */
function groupByColumns<TRow extends JsonRow>(rows: TRow[]): TRow[][] {
  const groups = new Map<string, TRow[]>();
  for (const row of rows) {
    const shape = Object.keys(row).sort().join(',');
    const group = groups.get(shape);
    if (group) group.push(row);
    else groups.set(shape, [row]);
  }
  return [...groups.values()];
}

async function upsertRows(trx: Knex.Transaction, table: string, keyColumn: string, rows: JsonRow[]): Promise<void> {
  const columns = Object.keys(rows[0]).map(quoteIdent);
  const updates = columns.filter((column) => column !== quoteIdent(keyColumn)).map((column) => `${column} = EXCLUDED.${column}`);
  const list = columns.join(', ');
  await trx.raw(
    `INSERT INTO ${table} (${list})
     SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, ?::jsonb)
     ON CONFLICT (${quoteIdent(keyColumn)}) DO ${updates.length > 0 ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
    [JSON.stringify(rows)],
  );
}
