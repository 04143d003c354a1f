import type { Knex } from 'knex';
import { PRODUCTS_TABLE } from '../projection/search-tables';
import type { Sql } from '../search-sql';
import { type Neighbour, PRODUCT_VECTORS_TABLE, type ProductVector, type VectorIndex, vectorsTable } from './vector-index';

const toBytes = (vector: Float32Array) => Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
const fromBytes = (bytes: Buffer) => new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));

/**
 * Without pgvector: vectors as float32 bytes in PostgreSQL, every one held in this process and scanned
 * exactly (10,000 products: 15 MB, a few ms per query). Before each search the copy reads only rows
 * written since it last looked, and all of them again when a rebuild swapped the table.
 */
export class ExactVectorIndex implements VectorIndex {
  readonly kind = 'exact';
  readonly table = vectorsTable('bytea', () => []);
  private vectors = new Map<string, Float32Array>();
  private tableOid: string | undefined;
  private seenUntil: Date | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(readonly description: string) {}

  async write(trx: Knex.Transaction, tableSql: string, vectors: readonly ProductVector[]): Promise<void> {
    if (vectors.length === 0) return;
    await trx.raw(
      `INSERT INTO ${tableSql} (product_id, source_hash, embedding)
       SELECT * FROM unnest(?::uuid[], ?::text[], ?::bytea[])
       ON CONFLICT (product_id) DO UPDATE SET source_hash = EXCLUDED.source_hash, embedding = EXCLUDED.embedding, written_at = clock_timestamp()`,
      [vectors.map((v) => v.productId), vectors.map((v) => v.sourceHash), vectors.map((v) => toBytes(v.vector))],
    );
  }

  async nearest(db: Knex, vector: Float32Array, filters: Sql, limit: number, minSimilarity: number): Promise<Neighbour[]> {
    await this.refresh(db);
    const scored = this.scoreAll(vector).filter((n) => n.similarity >= minSimilarity);
    // The nearest that pass the filters: ask for the best few times the limit, more while filters drop too many.
    for (let take = limit * 4; ; take *= 4) {
      const window = scored.slice(0, take);
      const kept = await this.keep(db, window, filters, limit);
      if (kept.length >= limit || window.length === scored.length) return kept;
    }
  }

  async vectorOf(db: Knex, productId: string): Promise<Float32Array | undefined> {
    await this.refresh(db);
    return this.vectors.get(productId);
  }

  private scoreAll(query: Float32Array): Neighbour[] {
    const scored: Neighbour[] = [];
    for (const [id, vector] of this.vectors) {
      let dot = 0;
      for (let i = 0; i < vector.length; i++) dot += vector[i] * query[i];
      scored.push({ id, similarity: dot });
    }
    return scored.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
  }

  private async keep(db: Knex, window: Neighbour[], filters: Sql, limit: number): Promise<Neighbour[]> {
    if (window.length === 0) return [];
    const { rows } = await db.raw<{ rows: { id: string }[] }>(
      `SELECT p.id FROM unnest(?::uuid[]) WITH ORDINALITY AS w(id, n) JOIN ${PRODUCTS_TABLE} p ON p.id = w.id
        WHERE ${filters.text} ORDER BY w.n LIMIT ?`,
      [window.map((n) => n.id), ...filters.bindings, limit],
    );
    const similarity = new Map(window.map((n) => [n.id, n.similarity]));
    return rows.map((row) => ({ id: row.id, similarity: similarity.get(row.id) ?? 0 }));
  }

  /** One refresh at a time; searches arriving meanwhile wait for it rather than read the table again. */
  private refresh(db: Knex): Promise<void> {
    this.refreshing ??= this.readChanges(db).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async readChanges(db: Knex): Promise<void> {
    const { rows: tables } = await db.raw<{ rows: { oid: string }[] }>(`SELECT to_regclass(?)::oid::text AS oid`, [PRODUCT_VECTORS_TABLE]);
    const oid = tables[0]?.oid ?? undefined;
    if (oid !== this.tableOid) {
      this.vectors = new Map();
      this.seenUntil = undefined;
      this.tableOid = oid;
    }
    if (oid === undefined) return;
    const { rows } = await db.raw<{ rows: { product_id: string; embedding: Buffer; written_at: Date }[] }>(
      `SELECT product_id, embedding, written_at FROM ${PRODUCT_VECTORS_TABLE} ${this.seenUntil ? 'WHERE written_at > ?' : ''} ORDER BY written_at`,
      this.seenUntil ? [this.seenUntil] : [],
    );
    for (const row of rows) this.vectors.set(row.product_id, fromBytes(row.embedding));
    if (rows.length > 0) this.seenUntil = rows[rows.length - 1].written_at;
  }
}
