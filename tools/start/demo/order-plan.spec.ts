import { demoProducts } from './catalog-generator';
import { demoOrders, reviewersOf } from './order-plan';
import { demoReview } from './review-text';

describe('demo orders and reviews', () => {
  const products = demoProducts(2);
  const orders = demoOrders(products.map((p) => p.slug), 8);

  it('has every product bought and reviewed by one to three different buyers', () => {
    products.forEach((_, index) => {
      const reviewers = reviewersOf(index, 8);
      expect(reviewers.length).toBeGreaterThanOrEqual(1);
      expect(reviewers.length).toBeLessThanOrEqual(3);
    });
    const delivered = orders.filter((o) => o.target === 'delivered').flatMap((o) => o.products.map((slug) => `${o.buyer}/${slug}`));
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(new Set(delivered.map((entry) => entry.split('/')[1])).size).toBe(products.length);
  });

  it('leaves orders in every state, each within the 50-line limit, under unique keys', () => {
    expect(new Set(orders.map((o) => o.target))).toEqual(new Set(['delivered', 'shipped', 'confirmed', 'awaiting_payment', 'cancelled']));
    expect(new Set(orders.map((o) => o.key)).size).toBe(orders.length);
    for (const order of orders) {
      expect(order.products.length).toBeLessThanOrEqual(50);
      expect(new Set(order.products).size).toBe(order.products.length);
    }
    expect(orders.find((o) => o.target === 'cancelled')?.paymentMethod).toBe('pm_card_chargeDeclined');
    expect(orders.find((o) => o.target === 'awaiting_payment')?.paymentMethod).toBe('pm_card_threeDSecure2Required');
  });

  it('never orders more of a product than its stock', () => {
    const ordered = new Map<string, number>();
    for (const slug of orders.flatMap((o) => o.products)) ordered.set(slug, (ordered.get(slug) ?? 0) + 1);
    for (const product of products) expect(ordered.get(product.slug) ?? 0).toBeLessThanOrEqual(product.onHand);
  });

  it('writes the same review for a buyer and product every time, rated 2 to 5', () => {
    expect(demoReview('ann@demo.example', 'cookware-classic-skillet')).toEqual(demoReview('ann@demo.example', 'cookware-classic-skillet'));
    const ratings = products.map((p) => demoReview('ben@demo.example', p.slug).rating);
    expect(Math.min(...ratings)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...ratings)).toBe(5);
  });
});
