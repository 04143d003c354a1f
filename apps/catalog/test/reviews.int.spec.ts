import { waitFor } from '@marketplace/testing';
import {
  caller,
  type Caller,
  call,
  type CatalogTestApp,
  createCategory,
  createProduct,
  deliver,
  expectCall,
  outboxEvents,
  publish,
  rowCounts,
  startCatalog,
} from './catalog-app';

jest.setTimeout(60_000);

describe('catalog reviews', () => {
  let app: CatalogTestApp;
  let seller: Caller;
  let categoryId: string;

  beforeAll(async () => {
    app = await startCatalog();
    const admin = await caller(app, ['buyer', 'admin']);
    seller = await caller(app, ['buyer', 'seller']);
    categoryId = await createCategory(app, admin, 'Reviewed');
  });

  afterAll(async () => {
    await app?.close();
  });

  async function publishedProduct(): Promise<string> {
    const id = await createProduct(app, seller, categoryId);
    await expectCall(app, 200, 'POST', `/products/${id}/publish`, { as: seller });
    return id;
  }

  async function purchased(buyer: Caller, productId: string): Promise<void> {
    await deliver(app, buyer.id, [productId]);
    await waitFor(async () => ((await app.db('delivered_purchases').where({ buyer_id: buyer.id, product_id: productId }).first()) ? true : undefined), {
      timeoutMs: 20_000,
      description: 'the delivered purchase recorded from OrderDelivered',
    });
  }

  it('refuses a review before the product was delivered to the buyer (403), and accepts it after OrderDelivered', async () => {
    const productId = await publishedProduct();
    const buyer = await caller(app, ['buyer']);
    const before = await rowCounts(app);
    const early = await call(app, 'POST', `/products/${productId}/reviews`, { as: buyer, body: { rating: 5 } });
    expect(early.status).toBe(403);
    expect(early.body.error?.code).toBe('purchase_required');
    expect(await rowCounts(app)).toEqual(before);

    await purchased(buyer, productId);
    const review = await expectCall(app, 201, 'POST', `/products/${productId}/reviews`, { as: buyer, body: { rating: 5, body: 'Holds its edge.' } });
    expect(review).toMatchObject({ productId, authorId: buyer.id, rating: 5, body: 'Holds its edge.' });
    expect((await outboxEvents(app, productId)).at(-1)).toMatchObject({
      type: 'marketplace.catalog.ReviewPosted.v1',
      data: { reviewId: review.id, productId, authorId: buyer.id, rating: 5, body: 'Holds its edge.' },
    });
  });

  it('allows one review per buyer and product (409), and keeps the average and count on the product', async () => {
    const productId = await publishedProduct();
    const ratings = [5, 4, 4];
    for (const rating of ratings) {
      const buyer = await caller(app, ['buyer']);
      await purchased(buyer, productId);
      await expectCall(app, 201, 'POST', `/products/${productId}/reviews`, { as: buyer, body: { rating } });
      if (rating === 5) {
        const second = await call(app, 'POST', `/products/${productId}/reviews`, { as: buyer, body: { rating: 1 } });
        expect(second.status).toBe(409);
        expect(second.body.error?.code).toBe('review_exists');
      }
    }
    expect((await expectCall(app, 200, 'GET', `/products/${productId}`)).rating).toEqual({ average: 4.33, count: 3 });
    const row = await app.db('products').where({ id: productId }).first('rating_sum', 'rating_count');
    expect(row).toEqual({ rating_sum: 13, rating_count: 3 });
  });

  it('records a redelivered OrderDelivered once (the inbox) and lists reviews newest first, page by page', async () => {
    const productId = await publishedProduct();
    const buyers = [await caller(app, ['buyer']), await caller(app, ['buyer']), await caller(app, ['buyer'])];
    const event = await deliver(app, buyers[0].id, [productId]);
    await publish(app, event);
    for (const buyer of buyers.slice(1)) await purchased(buyer, productId);
    await purchased(buyers[0], productId);
    expect(await app.db('inbox').where({ event_id: event.id }).select('consumer_group')).toEqual([{ consumer_group: 'catalog/reviews' }]);

    const ids: string[] = [];
    for (const buyer of buyers) ids.push((await expectCall(app, 201, 'POST', `/products/${productId}/reviews`, { as: buyer, body: { rating: 3 } })).id as string);
    const first = await expectCall(app, 200, 'GET', `/products/${productId}/reviews?limit=2`);
    const second = await expectCall(app, 200, 'GET', `/products/${productId}/reviews?limit=2&cursor=${first.nextCursor as string}`);
    expect([...(first.items as { id: string }[]), ...(second.items as { id: string }[])].map((r) => r.id)).toEqual([...ids].reverse());
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a rating outside 1-5 with 400 and reviews of a draft with 404, writing nothing', async () => {
    const productId = await publishedProduct();
    const draft = await createProduct(app, seller, categoryId);
    const buyer = await caller(app, ['buyer']);
    await purchased(buyer, productId);
    const before = await rowCounts(app);
    for (const rating of [0, 6, 4.5, '5']) {
      const response = await call(app, 'POST', `/products/${productId}/reviews`, { as: buyer, body: { rating } });
      expect(response.status).toBe(400);
      expect(response.body.error?.code).toBe('validation_failed');
    }
    expect((await call(app, 'POST', `/products/${draft}/reviews`, { as: buyer, body: { rating: 5 } })).status).toBe(404);
    expect((await call(app, 'GET', `/products/${draft}/reviews`)).status).toBe(404);
    expect(await rowCounts(app)).toEqual(before);
  });
});
