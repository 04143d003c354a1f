import type { Knex } from 'knex';
import { extensionSchema } from '../extension-schema';
import { ExactVectorIndex } from './exact-vector-index';
import { PgvectorIndex } from './pgvector-index';
import { PRODUCT_VECTORS_TABLE, type VectorIndex } from './vector-index';

export type VectorIndexChoice = 'auto' | 'pgvector' | 'exact';

/**
 * pgvector when this database has or can create the extension (`auto`, `pgvector`), else the exact
 * in-process scan. A vector table already built the other way keeps its kind until search-products is
 * rebuilt: its column type is the projection's, and the projection version says nothing of it.
 */
export async function chooseVectorIndex(db: Knex, choice: VectorIndexChoice, dimensions: number): Promise<VectorIndex> {
  const built = await builtColumnType(db);
  if (choice === 'exact') return new ExactVectorIndex('exact scan in process (SEARCH_VECTOR_INDEX=exact)');
  const schema = await vectorSchema(db);
  if (schema && built !== 'bytea') return new PgvectorIndex(dimensions, schema, `pgvector HNSW (cosine), ${dimensions} dimensions`);
  const why = schema ? `the ${PRODUCT_VECTORS_TABLE} table was built without pgvector; rebuild search-products to use it` : 'pgvector is not installed in this PostgreSQL';
  if (choice === 'pgvector') throw new Error(`SEARCH_VECTOR_INDEX=pgvector, but ${why}`);
  return new ExactVectorIndex(`exact scan in process (${why})`);
}

/** The quoted schema of the `vector` extension, creating it when the server has it; undefined without. */
async function vectorSchema(db: Knex): Promise<string | undefined> {
  const installed = await extensionSchema(db, 'vector');
  if (installed) return installed;
  const { rows } = await db.raw<{ rows: unknown[] }>(`SELECT 1 FROM pg_available_extensions WHERE name = 'vector'`);
  if (rows.length === 0) return undefined;
  try {
    await db.raw('CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public');
  } catch {
    // Without the right to create it, search runs on the exact scan; /ready says so.
    return undefined;
  }
  return extensionSchema(db, 'vector');
}

async function builtColumnType(db: Knex): Promise<string | undefined> {
  const { rows } = await db.raw<{ rows: { type: string }[] }>(
    `SELECT t.typname AS type FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
      WHERE a.attrelid = to_regclass(?) AND a.attname = 'embedding'`,
    [PRODUCT_VECTORS_TABLE],
  );
  return rows[0]?.type;
}
