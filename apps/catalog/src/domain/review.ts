import { ValidationError } from '@marketplace/platform';

/** A buyer's rating of a product they received, 1 to 5 stars. */
export interface Review {
  id: string;
  productId: string;
  authorId: string;
  rating: number;
  body: string | null;
  postedAt: Date;
}

export function writeReview(input: { id: string; productId: string; authorId: string; rating: number; body?: string; now: Date }): Review {
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
    throw new ValidationError('The rating must be a whole number from 1 to 5.', { details: [{ field: 'rating', message: 'must be 1 to 5' }] });
  }
  return { id: input.id, productId: input.productId, authorId: input.authorId, rating: input.rating, body: input.body ?? null, postedAt: input.now };
}

/** The average rating to two decimals, or null before the first review. */
export function averageRating(rating: { sum: number; count: number }): number | null {
  return rating.count === 0 ? null : Math.round((rating.sum / rating.count) * 100) / 100;
}
