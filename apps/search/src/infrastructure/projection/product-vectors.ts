import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { Embedder } from '../../domain/embedder';
import { embeddingText } from '../../domain/embedding-text';
import type { ProductVector, VectorIndex } from '../vectors/vector-index';

/** The model and where its vectors go, as the projection uses them. */
export interface VectorParts {
  embedder: Embedder;
  index: VectorIndex;
}

/** Texts per call of the model: bounds the memory of one run and the time a batch holds its transaction. */
const EMBED_CHUNK = 64;

/**
 * Embeds the published products of a batch whose text changed: those it touched, and those under
 * categories whose path changed. A vector is kept while the hash of its model and text is unchanged,
 * so price, stock and review events cost no inference.
 */
export async function refreshProductVectors(
  trx: Knex.Transaction,
  tables: { products: string; vectors: string },
  parts: VectorParts,
  touched: { productIds: string[]; categoryIds: string[] },
): Promise<void> {
  if (parts.embedder.dimensions === 0 || (touched.productIds.length === 0 && touched.categoryIds.length === 0)) return;
  const { rows } = await trx.raw<{ rows: { id: string; title: string | null; category_path_names: string[]; description: string; source_hash: string | null }[] }>(
    `SELECT p.id, p.title, p.category_path_names, p.description, v.source_hash
       FROM ${tables.products} p LEFT JOIN ${tables.vectors} v ON v.product_id = p.id
      WHERE p.status = 'published' AND (p.id = ANY(?::uuid[]) OR p.category_id = ANY(?::uuid[]))
      ORDER BY p.id`,
    [touched.productIds, touched.categoryIds],
  );
  const stale = rows
    .map((row) => {
      const text = embeddingText({ title: row.title, categoryNames: row.category_path_names, description: row.description });
      return { id: row.id, text, hash: sourceHash(parts.embedder.name, text), before: row.source_hash };
    })
    .filter((row) => row.hash !== row.before);
  for (let start = 0; start < stale.length; start += EMBED_CHUNK) {
    const chunk = stale.slice(start, start + EMBED_CHUNK);
    const vectors = await parts.embedder.embedBatch(chunk.map((row) => row.text));
    if (!vectors) return;
    const written: ProductVector[] = chunk.map((row, i) => ({ productId: row.id, sourceHash: row.hash, vector: vectors[i] }));
    await parts.index.write(trx, tables.vectors, written);
  }
}

/** Which model read which text: a vector is redone when either changes. */
export function sourceHash(model: string, text: string): string {
  return createHash('sha256').update(model).update('\n').update(text).digest('base64url').slice(0, 22);
}
