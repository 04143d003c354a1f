import { Inject, Injectable } from '@nestjs/common';
import { KNEX } from '@marketplace/platform';
import type { Knex } from 'knex';
import { CO_PURCHASES_TABLE, PRODUCT_SALES_TABLE } from '../../infrastructure/projection/recommendation-tables';
import { PRODUCTS_TABLE } from '../../infrastructure/projection/search-tables';
import type { DayWeight } from '../domain/popularity';

export interface RecommendedProduct {
  id: string;
  title: string;
  price: { amount: number; currency: string };
  imageUrls: string[];
  available: number;
  /** bought_together: confirmed orders with both products; popular: decayed confirmed orders; similar: null (rank only). */
  score: number | null;
}

/** The product recommendations are asked for, as search's products read model has it. */
export interface SubjectProduct {
  published: boolean;
  /** Its top-level category (the first of its category path), or null without a category. */
  topCategoryId: string | null;
}

const PRODUCT = `p.id, p.title, p.price_amount::float8 AS price_amount, p.price_currency, p.image_urls, p.available`;
/** What may be recommended: only what a buyer could find and buy now. */
const OFFERED = `p.status = 'published' AND p.available > 0`;

interface Row {
  id: string;
  title: string;
  price_amount: number;
  price_currency: string;
  image_urls: string[];
  available: number;
  score: number | string | null;
}

/** Reads the purchase counts of the recommendations projection joined to search's products read model. */
@Injectable()
export class RecommendationsRepository {
  constructor(@Inject(KNEX) private readonly db: Knex) {}

  async subject(productId: string): Promise<SubjectProduct | undefined> {
    const { rows } = await this.db.raw<{ rows: { status: string; top: string | null }[] }>(
      `SELECT status, category_path_ids[1] AS top FROM ${PRODUCTS_TABLE} WHERE id = ?`,
      [productId],
    );
    return rows[0] && { published: rows[0].status === 'published', topCategoryId: rows[0].top };
  }

  /** Products in at least `minSupport` confirmed orders with the product, most such orders first. */
  async boughtTogether(productId: string, minSupport: number, limit: number): Promise<RecommendedProduct[]> {
    const { rows } = await this.db.raw<{ rows: Row[] }>(
      `SELECT ${PRODUCT}, c.orders AS score
         FROM ${CO_PURCHASES_TABLE} c JOIN ${PRODUCTS_TABLE} p ON p.id = c.other_id
        WHERE c.product_id = ? AND c.orders >= ? AND ${OFFERED}
        ORDER BY c.orders DESC, c.other_id
        LIMIT ?`,
      [productId, minSupport, limit],
    );
    return rows.map(toProduct);
  }

  /**
   * Products of the category's subtree ranked by their confirmed orders, each day's weighed as given
   * (days not given count nothing). Scores are rounded to 6 decimals so that equal histories tie (and
   * go by id) whatever order the sum ran in.
   */
  async popular(categoryId: string, exceptId: string, days: readonly DayWeight[], limit: number): Promise<RecommendedProduct[]> {
    const { rows } = await this.db.raw<{ rows: Row[] }>(
      `SELECT ${PRODUCT}, round(sum(s.orders * w.weight)::numeric, 6)::float8 AS score
         FROM ${PRODUCTS_TABLE} p
         JOIN ${PRODUCT_SALES_TABLE} s ON s.product_id = p.id
         JOIN unnest(?::date[], ?::float8[]) AS w(day, weight) ON w.day = s.day
        WHERE p.category_path_ids @> ARRAY[?]::uuid[] AND p.id <> ? AND ${OFFERED}
        GROUP BY p.id
        ORDER BY score DESC, p.id
        LIMIT ?`,
      [days.map((d) => d.day), days.map((d) => d.weight), categoryId, exceptId, limit],
    );
    return rows.map(toProduct);
  }

  /** The given products that may be recommended, in the order given. */
  async offered(ids: readonly string[], exceptId: string): Promise<RecommendedProduct[]> {
    const { rows } = await this.db.raw<{ rows: Row[] }>(
      `SELECT ${PRODUCT}, NULL AS score
         FROM unnest(?::uuid[]) WITH ORDINALITY AS s(id, n) JOIN ${PRODUCTS_TABLE} p ON p.id = s.id
        WHERE p.id <> ? AND ${OFFERED}
        ORDER BY s.n`,
      [[...ids], exceptId],
    );
    return rows.map(toProduct);
  }
}

function toProduct(row: Row): RecommendedProduct {
  return {
    id: row.id,
    title: row.title,
    price: { amount: row.price_amount, currency: row.price_currency },
    imageUrls: row.image_urls,
    available: row.available,
    score: row.score === null ? null : Number(row.score),
  };
}
