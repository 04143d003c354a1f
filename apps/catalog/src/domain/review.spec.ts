import { ValidationError } from '@marketplace/platform';
import { averageRating, writeReview } from './review';

const now = new Date('2026-01-02T00:00:00.000Z');

describe('review', () => {
  it.each([1, 5])('given a rating of %p, when written, then it is kept with its author and time', (rating) => {
    expect(writeReview({ id: 'r', productId: 'p', authorId: 'a', rating, now })).toEqual({ id: 'r', productId: 'p', authorId: 'a', rating, body: null, postedAt: now });
  });

  it.each([0, 6, 2.5, Number.NaN])('given a rating of %p, when written, then it is a validation error', (rating) => {
    expect(() => writeReview({ id: 'r', productId: 'p', authorId: 'a', rating, now })).toThrow(ValidationError);
  });

  it('averages to two decimals, and has no average before the first review', () => {
    expect(averageRating({ sum: 0, count: 0 })).toBeNull();
    expect(averageRating({ sum: 14, count: 3 })).toBe(4.67);
  });
});
