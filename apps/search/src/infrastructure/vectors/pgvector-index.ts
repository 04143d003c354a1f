import type { Knex } from 'knex';
import { PRODUCTS_TABLE } from '../projection/search-tables';
import type { Sql } from '../search-sql';
import { type Neighbour, PRODUCT_VECTORS_TABLE, type ProductVector, type VectorIndex, vectorsTable } from './vector-index';

/** pgvector's text form of a vector. */
export const vectorLiteral = (vector: Float32Array): string => `[${vector.join(',')}]`;

/**
 * Vectors in a pgvector column with an HNSW index (cosine). Filters are applied while the index is
 * walked (pgvector's iterative scan), so a narrow filter still yields `limit` neighbours.
 */
export class PgvectorIndex implements VectorIndex {
  readonly kind = 'pgvector';
  readonly table;

  constructor(
    dimensions: number,
    private readonly vectorSchema: string,
    readonly description: string,
  ) {
    this.table = vectorsTable(`${vectorSchema}.vector(${dimensions})`, (t) => [
      `CREATE INDEX ${t.ident('hnsw_idx')} ON ${t.sql} USING hnsw (embedding ${vectorSchema}.vector_cosine_ops)`,
    ]);
  }

  async write(trx: Knex.Transaction, tableSql: string, vectors: readonly ProductVector[]): Promise<void> {
    if (vectors.length === 0) return;
    await trx.raw(
      `INSERT INTO ${tableSql} (product_id, source_hash, embedding)
       SELECT id, hash, embedding::${this.vectorSchema}.vector FROM unnest(?::uuid[], ?::text[], ?::text[]) AS v(id, hash, embedding)
       ON CONFLICT (product_id) DO UPDATE SET source_hash = EXCLUDED.source_hash, embedding = EXCLUDED.embedding, written_at = clock_timestamp()`,
      [vectors.map((v) => v.productId), vectors.map((v) => v.sourceHash), vectors.map((v) => vectorLiteral(v.vector))],
    );
  }

  async vectorOf(db: Knex, productId: string): Promise<Float32Array | undefined> {
    const { rows } = await db.raw<{ rows: { embedding: string }[] }>(`SELECT embedding::text AS embedding FROM ${PRODUCT_VECTORS_TABLE} WHERE product_id = ?::uuid`, [productId]);
    return rows[0] ? Float32Array.from(JSON.parse(rows[0].embedding) as number[]) : undefined;
  }

  nearest(db: Knex, vector: Float32Array, filters: Sql, limit: number, minSimilarity: number): Promise<Neighbour[]> {
    const distance = `v.embedding OPERATOR(${this.vectorSchema}.<=>) ?::${this.vectorSchema}.vector`;
    const literal = vectorLiteral(vector);
    return db.transaction(
      async (trx) => {
        // ef_search bounds what one index walk returns; relaxed iterative scans go on walking while
        // filters drop rows, and may return them slightly out of order: the outer ORDER BY fixes that.
        await trx.raw(`SELECT set_config('hnsw.ef_search', ?, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)`, [String(Math.max(limit, 40))]);
        const { rows } = await trx.raw<{ rows: { id: string; distance: number }[] }>(
          `SELECT n.id, n.distance FROM (
             SELECT v.product_id AS id, ${distance} AS distance
               FROM ${PRODUCT_VECTORS_TABLE} v JOIN ${PRODUCTS_TABLE} p ON p.id = v.product_id
              WHERE ${filters.text}
              ORDER BY ${distance}
              LIMIT ?
           ) n WHERE n.distance <= ? ORDER BY n.distance, n.id`,
          [literal, ...filters.bindings, literal, limit, 1 - minSimilarity],
        );
        return rows.map((row) => ({ id: row.id, similarity: 1 - Number(row.distance) }));
      },
      { readOnly: true },
    );
  }
}
