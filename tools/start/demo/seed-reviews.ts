import { ApiError, type ApiClient, errorCode } from './api-client';
import { eventually, mapLimit } from './concurrency';
import type { DemoOrder } from './order-plan';
import { demoReview } from './review-text';
import type { Session } from './seed-accounts';

/**
 * Each buyer reviews what their delivered orders held. Catalog accepts a review once it has heard of
 * the delivery (an event, a moment after it), so `purchase_required` is waited out; `review_exists`
 * means an earlier, interrupted seed already posted it. Returns the number of reviews.
 */
export async function seedReviews(api: ApiClient, buyers: readonly Session[], productIds: ReadonlyMap<string, string>, orders: readonly DemoOrder[]): Promise<number> {
  const reviews = orders.filter((order) => order.target === 'delivered').flatMap((order) => order.products.map((slug) => ({ buyer: buyers[order.buyer], slug })));
  await mapLimit(reviews, 8, ({ buyer, slug }) =>
    eventually(`${buyer.email}'s review of ${slug}`, async () => {
      const answer = await api.request(`/products/${productIds.get(slug)}/reviews`, { json: demoReview(buyer.email, slug), token: buyer.token });
      if (answer.status === 201) return true;
      const code = errorCode(answer);
      if (code === 'review_exists') return true;
      if (code === 'purchase_required') return undefined;
      throw new ApiError(`review ${slug}`, answer);
    }),
  );
  return reviews.length;
}
