import type { TableDefinition } from '@marketplace/projections';
import type { Knex } from 'knex';
import type { Sql } from '../search-sql';

export const PRODUCT_VECTORS_TABLE = 'product_vectors';

/** DI token of the VectorIndex chosen at start. */
export const VECTOR_INDEX = Symbol('VECTOR_INDEX');

/** A product's vector as the projection writes it, with the hash of the text and model it came from. */
export interface ProductVector {
  productId: string;
  sourceHash: string;
  vector: Float32Array;
}

export interface Neighbour {
  id: string;
  /** Cosine similarity to the query vector, in [-1, 1]. */
  similarity: number;
}

/**
 * Where product vectors live and how the nearest are found: pgvector's HNSW index where the extension
 * exists, else an exact scan in this process. Both answer "the products nearest to v among those the
 * filters keep", so search ranks the same either way (HNSW approximates; on small catalogs it is exact).
 */
export interface VectorIndex {
  readonly kind: 'pgvector' | 'exact';
  /** For /ready and the logs: what was chosen and why. */
  readonly description: string;
  /** The projection's vector table (its DDL depends on the kind). */
  readonly table: TableDefinition;
  /** Upserts vectors into `tableSql` (the live table, or the shadow one during a rebuild). */
  write(trx: Knex.Transaction, tableSql: string, vectors: readonly ProductVector[]): Promise<void>;
  /**
   * The `limit` products nearest to `vector` with a similarity of at least `minSimilarity`, among those
   * that `filters` (SQL over the products table aliased `p`) keeps, nearest first.
   */
  nearest(db: Knex, vector: Float32Array, filters: Sql, limit: number, minSimilarity: number): Promise<Neighbour[]>;
  /** A product's own vector, undefined when it has none. */
  vectorOf(db: Knex, productId: string): Promise<Float32Array | undefined>;
}

export function vectorsTable(embeddingColumn: string, indexes: (target: Parameters<TableDefinition['ddl']>[0]) => string[]): TableDefinition {
  return {
    name: PRODUCT_VECTORS_TABLE,
    ddl: (t) => [
      `CREATE TABLE ${t.sql} (
         product_id uuid PRIMARY KEY,
         source_hash text NOT NULL,
         embedding ${embeddingColumn} NOT NULL,
         -- One projection writes a table, a batch at a time: later commits carry later times, which
         -- lets an in-process index read only what changed since it last looked.
         written_at timestamptz NOT NULL DEFAULT clock_timestamp()
       )`,
      `CREATE INDEX ${t.ident('written_idx')} ON ${t.sql} (written_at)`,
      ...indexes(t),
    ],
  };
}
