import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { PRODUCTS_TABLE } from '../../infrastructure/projection/search-tables';
import { sql } from '../../infrastructure/search-sql';
import { VECTOR_INDEX, type VectorIndex } from '../../infrastructure/vectors/vector-index';
import type { SimilarProducts } from '../domain/similar-products';

/**
 * Nearest by the products' own vectors, among those of the product's top-level category (a lamp's
 * neighbours are lamps and shades, never a speaker that describes itself in similar words).
 */
@Injectable()
export class VectorSimilarProducts implements SimilarProducts {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(VECTOR_INDEX) private readonly index: VectorIndex,
  ) {}

  async similarTo(productId: string, limit: number): Promise<string[] | undefined> {
    const vector = await this.index.vectorOf(this.db, productId);
    if (!vector) return undefined;
    const sameTopCategory = sql(
      `p.status = 'published' AND p.available > 0 AND p.id <> ?::uuid
       AND p.category_path_ids[1] = (SELECT s.category_path_ids[1] FROM ${PRODUCTS_TABLE} s WHERE s.id = ?::uuid)`,
      productId,
      productId,
    );
    return (await this.index.nearest(this.db, vector, sameTopCategory, limit, -1)).map((neighbour) => neighbour.id);
  }
}
