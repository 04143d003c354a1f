import { evolveProduct, type ProductFact } from './evolve-product';

const productId = 'd0000000-0000-4000-8000-000000000001';
const sellerId = 'a0000000-0000-4000-8000-000000000001';
const categoryId = 'c0000000-0000-4000-8000-000000000001';
const pathOf = (id: string) => ({ ids: ['root', id], names: ['Home', 'Lighting'] });
const fold = (facts: ProductFact[]) => facts.reduce((row, fact) => evolveProduct(row, fact, pathOf), undefined as ReturnType<typeof evolveProduct> | undefined);

const created: ProductFact = {
  type: 'marketplace.catalog.ProductCreated.v1',
  data: {
    productId, sellerId, categoryId, title: 'Desk lamp', description: 'Warm.', attributes: { colour: ['brass', 'black'], size: ['S'] }, imageUrls: [],
    price: { amount: 4500, currency: 'EUR' }, createdAt: '2026-01-01T00:00:00.000Z',
  },
};
const published: ProductFact = { type: 'marketplace.catalog.ProductPublished.v1', data: { productId, sellerId, publishedAt: '2026-01-02T00:00:00.000Z' } };
const archived: ProductFact = { type: 'marketplace.catalog.ProductArchived.v1', data: { productId, sellerId, archivedAt: '2026-01-03T00:00:00.000Z' } };
const stock = (available: number, at: string): ProductFact => ({ type: 'stock', data: { productId, available, at } });

describe('evolveProduct', () => {
  it('indexes a created product as a draft, with its category path and attribute text', () => {
    expect(fold([created])).toMatchObject({
      status: 'draft', title: 'Desk lamp', price_amount: 4500, price_currency: 'EUR',
      category_path_ids: ['root', categoryId], category_names: 'Home Lighting', attribute_keys: 'colour size', attribute_values: 'brass black S',
    });
  });

  it('publishes, then archives for good: a late publish does not bring it back', () => {
    expect(fold([created, published])?.status).toBe('published');
    expect(fold([created, published, archived, published])?.status).toBe('archived');
  });

  it('keeps stock from a product row created by a stock event before the product itself', () => {
    const row = fold([stock(4, '2026-01-01T00:00:01.000Z'), created]);
    expect(row).toMatchObject({ status: 'draft', available: 4, title: 'Desk lamp' });
  });

  it('ignores a stock event older than the one it already has (reservations of different orders may arrive out of order)', () => {
    expect(fold([created, stock(2, '2026-01-05T00:00:00.000Z'), stock(9, '2026-01-04T00:00:00.000Z')])?.available).toBe(2);
  });

  it('keeps a running sum and count of ratings', () => {
    const review = (rating: number, n: number): ProductFact => ({
      type: 'marketplace.catalog.ReviewPosted.v1',
      data: { reviewId: `b0000000-0000-4000-8000-00000000000${n}`, productId, authorId: sellerId, rating, postedAt: '2026-01-06T00:00:00.000Z' },
    });
    expect(fold([created, review(5, 1), review(2, 2)])).toMatchObject({ rating_sum: 7, rating_count: 2 });
  });
});
