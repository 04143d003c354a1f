import type { Knex } from 'knex';
import type { RecordedEvent } from '@marketplace/event-store';
import type { ProjectionDefinition, TableDefinition, TableResolver } from './projection';
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
 * and one delete, so a rebuild costs a few statements per thousands of events.
 */
export function rowProjection<TRow extends JsonRow>(options: RowProjectionOptions<TRow>): ProjectionDefinition {
  const applyBatch = (trx: Knex.Transaction, events: readonly RecordedEvent[], tables: TableResolver) =>
    applyRowBatch(options, trx, events, tables(options.table.name));
  return {
    name: options.name,
    version: options.version,
    handles: options.handles,
    tables: [options.table],
    apply: (trx, event, tables) => applyBatch(trx, [event], tables),
    applyBatch,
  };
}

async function applyRowBatch<TRow extends JsonRow>(
  options: RowProjectionOptions<TRow>,
  trx: Knex.Transaction,
  events: readonly RecordedEvent[],
  table: string,
): Promise<void> {
  const ids = new Set<string>();
  for (const event of events) {
    const id = options.rowId(event);
    if (id !== undefined) ids.add(String(id));
  }
  if (ids.size === 0) return;
  const key = quoteIdent(options.key);
  const { rows: loaded } = await trx.raw<{ rows: { row: TRow }[] }>(
    `SELECT to_jsonb(r) AS row FROM ${table} r WHERE r.${key} = ANY(?)`,
    // As text: PostgreSQL casts the array to the key column's type, whatever it is.
    [[...ids]],
  );
  const rows = new Map<string, TRow | undefined>(loaded.map(({ row }) => [String(row[options.key]), row]));
  for (const event of events) {
    const id = options.rowId(event);
    if (id === undefined) continue;
    const next = options.evolve(rows.get(String(id)), event);
    rows.set(String(id), next && { ...next, [options.key]: id });
  }
  const upserts: TRow[] = [];
  const deletes: string[] = [];
  for (const id of ids) {
    const row = rows.get(id);
    if (row) upserts.push(row);
    else deletes.push(id);
  }
  if (deletes.length > 0) await trx.raw(`DELETE FROM ${table} WHERE ${key} = ANY(?)`, [deletes]);
  for (const sameColumns of groupByColumns(upserts)) await upsertRows(trx, table, options.key, sameColumns);
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
