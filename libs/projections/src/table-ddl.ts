import type { Knex } from 'knex';
import type { ProjectionDefinition } from './projection';
import { qualified, quoteIdent } from './sql-names';
import { physicalName, tableTarget, type TableSet } from './table-names';

/** Drops then creates every table of the set, so leftovers of an interrupted build never leak in. */
export async function recreateTables(trx: Knex.Transaction, schema: string, projection: ProjectionDefinition, set: TableSet): Promise<void> {
  await dropTables(trx, schema, projection, set);
  for (const table of projection.tables) {
    for (const statement of table.ddl(tableTarget(schema, table.name, set))) await trx.raw(statement);
  }
}

export async function dropTables(db: Knex | Knex.Transaction, schema: string, projection: ProjectionDefinition, set: TableSet): Promise<void> {
  for (const table of projection.tables) {
    await db.raw(`DROP TABLE IF EXISTS ${qualified(schema, physicalName(table.name, set))}`);
  }
}

/**
 * Replaces each live table by its shadow inside `trx`: drop live, rename shadow, then rename the
 * shadow's indexes and owned sequences back to live-style names. Readers see the old table or the new
 * one, never neither; the renames take an ACCESS EXCLUSIVE lock only for the length of the transaction.
 */
export async function swapInShadowTables(trx: Knex.Transaction, schema: string, projection: ProjectionDefinition): Promise<void> {
  for (const table of projection.tables) {
    const shadow = physicalName(table.name, 'shadow');
    await trx.raw(`DROP TABLE IF EXISTS ${qualified(schema, table.name)}`);
    await trx.raw(`ALTER TABLE ${qualified(schema, shadow)} RENAME TO ${quoteIdent(table.name)}`);
    const { rows } = await trx.raw<{ rows: { relname: string; relkind: string }[] }>(
      `SELECT c.relname, c.relkind FROM pg_class c
        WHERE c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = ?::regclass)
           OR c.oid IN (SELECT objid FROM pg_depend
                         WHERE classid = 'pg_class'::regclass AND refobjid = ?::regclass AND deptype IN ('a', 'i'))`,
      [qualified(schema, table.name), qualified(schema, table.name)],
    );
    for (const { relname, relkind } of rows) {
      if (!relname.startsWith(shadow)) continue;
      const kind = relkind === 'S' ? 'SEQUENCE' : 'INDEX';
      const renamed = table.name + relname.slice(shadow.length);
      await trx.raw(`ALTER ${kind} ${qualified(schema, relname)} RENAME TO ${quoteIdent(renamed)}`);
    }
  }
}
