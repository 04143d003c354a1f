import type { Knex } from 'knex';
import type { Embedder } from '../../domain/embedder';
import { PRODUCTS_TABLE } from '../projection/search-tables';
import { PRODUCT_VECTORS_TABLE, type VectorIndex } from './vector-index';

/** What /ready says of semantic search: the model, the index, and how many published products have a vector. */
export async function describeVectors(db: Knex, embedder: Embedder, index: VectorIndex): Promise<string> {
  if (embedder.dimensions === 0) return `no embedding model (text search only); ${index.description}`;
  const { rows } = await db.raw<{ rows: { embedded: number; published: number }[] }>(
    `SELECT count(v.product_id)::int AS embedded, count(*)::int AS published
       FROM ${PRODUCTS_TABLE} p LEFT JOIN ${PRODUCT_VECTORS_TABLE} v ON v.product_id = p.id
      WHERE p.status = 'published'`,
  );
  const { embedded, published } = rows[0];
  return `${embedder.name}; ${index.description}; ${embedded} of ${published} published products embedded`;
}
