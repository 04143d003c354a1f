import type { Knex } from 'knex';
import type { Product, ProductAttributes, ProductStatus } from '../domain/product';
import { type Page, type PageCursor, toPage } from '@marketplace/platform';

interface ProductRow {
  id: string;
  seller_id: string;
  category_id: string;
  title: string;
  description: string;
  price_amount: string;
  price_currency: string;
  attributes: ProductAttributes;
  image_urls: string[];
  status: ProductStatus;
  rating_sum: number;
  rating_count: number;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  archived_at: Date | null;
}

function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    sellerId: row.seller_id,
    categoryId: row.category_id,
    title: row.title,
    description: row.description,
    // bigint comes back as a string; amounts are kept within the safe integers by the API's validation.
    price: { amount: Number(row.price_amount), currency: row.price_currency },
    attributes: row.attributes,
    imageUrls: row.image_urls,
    status: row.status,
    rating: { sum: row.rating_sum, count: row.rating_count },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    archivedAt: row.archived_at,
  };
}

type WritableRow = Omit<ProductRow, 'rating_sum' | 'rating_count' | 'price_amount' | 'attributes'> & { price_amount: number; attributes: string };

function toRow(product: Product): WritableRow {
  return {
    id: product.id,
    seller_id: product.sellerId,
    category_id: product.categoryId,
    title: product.title,
    description: product.description,
    price_amount: product.price.amount,
    price_currency: product.price.currency,
    attributes: JSON.stringify(product.attributes),
    image_urls: product.imageUrls,
    status: product.status,
    created_at: product.createdAt,
    updated_at: product.updatedAt,
    published_at: product.publishedAt,
    archived_at: product.archivedAt,
  };
}

export interface ProductFilter {
  /** Only this seller's products. */
  sellerId?: string;
  /** Drafts and archived products too (the seller's own list, or an admin's). */
  allStatuses: boolean;
  categoryId?: string;
  limit: number;
  after?: PageCursor;
}

export class ProductsRepository {
  async byId(db: Knex, id: string, options: { forUpdate?: boolean } = {}): Promise<Product | undefined> {
    const query = db('products').where({ id });
    const row = await (options.forUpdate ? query.forUpdate() : query).first<ProductRow | undefined>();
    return row && toProduct(row);
  }

  async insert(db: Knex, product: Product): Promise<void> {
    await db('products').insert(toRow(product));
  }

  /** Writes everything but the rating, which only `addRating` changes. */
  async update(db: Knex, product: Product): Promise<void> {
    await db('products').where({ id: product.id }).update(toRow(product));
  }

  async addRating(db: Knex, productId: string, rating: number): Promise<void> {
    await db('products')
      .where({ id: productId })
      .update({ rating_sum: db.raw('rating_sum + ?', [rating]), rating_count: db.raw('rating_count + 1') });
  }

  /** Newest first; a stable order by (created_at, id) for cursor paging. */
  async list(db: Knex, filter: ProductFilter): Promise<Page<Product>> {
    const query = db('products').orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(filter.limit + 1);
    if (!filter.allStatuses) query.where({ status: 'published' });
    if (filter.sellerId) query.where({ seller_id: filter.sellerId });
    if (filter.categoryId) query.where({ category_id: filter.categoryId });
    if (filter.after) query.whereRaw('(created_at, id) < (?, ?)', [filter.after.at, filter.after.id]);
    const rows = await query.select<ProductRow[]>('*');
    return toPage(rows.map(toProduct), filter.limit, (product) => ({ at: product.createdAt, id: product.id }));
  }
}
