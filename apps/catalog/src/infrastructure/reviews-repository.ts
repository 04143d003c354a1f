import type { Knex } from 'knex';
import type { Review } from '../domain/review';
import { type Page, type PageCursor, toPage } from '@marketplace/platform';

interface ReviewRow {
  id: string;
  product_id: string;
  author_id: string;
  rating: number;
  body: string | null;
  posted_at: Date;
}

function toReview(row: ReviewRow): Review {
  return { id: row.id, productId: row.product_id, authorId: row.author_id, rating: row.rating, body: row.body, postedAt: row.posted_at };
}

export class ReviewsRepository {
  /** False when the author already reviewed the product (the unique constraint decides; the transaction is then spoilt). */
  async insert(db: Knex, review: Review): Promise<boolean> {
    try {
      await db('reviews').insert({ id: review.id, product_id: review.productId, author_id: review.authorId, rating: review.rating, body: review.body, posted_at: review.postedAt });
      return true;
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'reviews_one_per_author') return false;
      throw error;
    }
  }

  async exists(db: Knex, productId: string, authorId: string): Promise<boolean> {
    return (await db('reviews').where({ product_id: productId, author_id: authorId }).first('id')) !== undefined;
  }

  /** Newest first. */
  async list(db: Knex, productId: string, page: { limit: number; after?: PageCursor }): Promise<Page<Review>> {
    const query = db('reviews')
      .where({ product_id: productId })
      .orderBy([{ column: 'posted_at', order: 'desc' }, { column: 'id', order: 'desc' }])
      .limit(page.limit + 1);
    if (page.after) query.whereRaw('(posted_at, id) < (?, ?)', [page.after.at, page.after.id]);
    const rows = await query.select<ReviewRow[]>('*');
    return toPage(rows.map(toReview), page.limit, (review) => ({ at: review.postedAt, id: review.id }));
  }
}
