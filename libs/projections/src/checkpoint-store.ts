import type { Knex } from 'knex';
import type { Position } from '@marketplace/event-store';
import { qualified, quoteIdent } from './sql-names';
import type { TableSet } from './table-names';
import { SHADOW_SUFFIX } from './table-names';

/** What the checkpoint table holds for one projection's table set. */
export interface Checkpoint {
  /** Last global-log position applied; undefined = nothing applied yet (start of the log). */
  position: Position | undefined;
  /** Projection version that built the tables. */
  version: number;
}

interface CheckpointRow {
  commit: string | null;
  prepare: string | null;
  version: number;
}

/**
 * Rows of `<schema>.projection_checkpoints`: one per projection (`name`) for the live tables and, while
 * a rebuild runs, one for its shadow tables (`name__rebuild`). Every write goes through the caller's
 * transaction so that it commits with the read-model rows it describes.
 */
export class CheckpointStore {
  readonly table: string;

  constructor(private readonly schema: string) {
    this.table = qualified(schema, 'projection_checkpoints');
  }

  /** Creates the schema and the table if missing; safe to run from many processes at once. */
  async migrate(knex: Knex): Promise<void> {
    await knex.transaction(async (trx) => {
      // Concurrent CREATE ... IF NOT EXISTS can still collide in the catalog; serialise them.
      await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`projections.migrate:${this.schema}`]);
      await trx.raw(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(this.schema)}`);
      await trx.raw(
        `CREATE TABLE IF NOT EXISTS ${this.table} (
          name text PRIMARY KEY,
          "commit" bigint,
          "prepare" bigint,
          version integer NOT NULL,
          updated_at timestamptz NOT NULL DEFAULT now(),
          CHECK (("commit" IS NULL) = ("prepare" IS NULL))
        )`,
      );
    });
  }

  static rowName(projection: string, set: TableSet): string {
    return set === 'live' ? projection : `${projection}${SHADOW_SUFFIX}`;
  }

  async read(db: Knex | Knex.Transaction, name: string): Promise<Checkpoint | undefined> {
    const { rows } = await db.raw<{ rows: CheckpointRow[] }>(
      `SELECT "commit", "prepare", version FROM ${this.table} WHERE name = ?`,
      [name],
    );
    return rows[0] && toCheckpoint(rows[0]);
  }

  async readAll(db: Knex | Knex.Transaction, names: string[]): Promise<Map<string, Checkpoint>> {
    const { rows } = await db.raw<{ rows: (CheckpointRow & { name: string })[] }>(
      `SELECT name, "commit", "prepare", version FROM ${this.table} WHERE name = ANY(?)`,
      [names],
    );
    return new Map(rows.map((row) => [row.name, toCheckpoint(row)]));
  }

  /** Reads and row-locks checkpoints: a writer holding one excludes every other writer of those tables. */
  async lock(trx: Knex.Transaction, names: string[]): Promise<Map<string, Checkpoint>> {
    const { rows } = await trx.raw<{ rows: (CheckpointRow & { name: string })[] }>(
      `SELECT name, "commit", "prepare", version FROM ${this.table} WHERE name = ANY(?) ORDER BY name FOR UPDATE`,
      [names],
    );
    return new Map(rows.map((row) => [row.name, toCheckpoint(row)]));
  }

  async insert(trx: Knex.Transaction, name: string, checkpoint: Checkpoint): Promise<void> {
    await trx.raw(`INSERT INTO ${this.table} (name, "commit", "prepare", version) VALUES (?, ?, ?, ?)`, [
      name,
      ...positionParams(checkpoint.position),
      checkpoint.version,
    ]);
  }

  /** Updates in place (never delete + insert) so that a writer blocked on the row lock sees the new values. */
  async update(trx: Knex.Transaction, name: string, checkpoint: Checkpoint): Promise<void> {
    await trx.raw(`UPDATE ${this.table} SET "commit" = ?, "prepare" = ?, version = ?, updated_at = now() WHERE name = ?`, [
      ...positionParams(checkpoint.position),
      checkpoint.version,
      name,
    ]);
  }

  async delete(trx: Knex.Transaction | Knex, name: string): Promise<void> {
    await trx.raw(`DELETE FROM ${this.table} WHERE name = ?`, [name]);
  }
}

function toCheckpoint(row: CheckpointRow): Checkpoint {
  const position =
    row.commit === null || row.prepare === null ? undefined : { commit: BigInt(row.commit), prepare: BigInt(row.prepare) };
  return { position, version: row.version };
}

function positionParams(position: Position | undefined): [string | null, string | null] {
  return position ? [position.commit.toString(), position.prepare.toString()] : [null, null];
}
