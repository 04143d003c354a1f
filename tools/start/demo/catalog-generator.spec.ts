import { demoCategories, demoPrice, demoProducts } from './catalog-generator';

describe('demo catalog generator', () => {
  const products = demoProducts(2);
  const categories = demoCategories();

  it('makes the same 225 products on every run, each with a unique slug and title', () => {
    expect(products).toHaveLength(225);
    expect(demoProducts(2)).toEqual(products);
    expect(new Set(products.map((p) => p.slug)).size).toBe(products.length);
    expect(new Set(products.map((p) => p.title)).size).toBe(products.length);
  });

  it('prices in integer cents of one currency, ending in 99', () => {
    for (const { price } of products) {
      expect(Number.isInteger(price.amount)).toBe(true);
      expect(price.amount % 100).toBe(99);
      expect(price.currency).toBe('EUR');
    }
    expect(demoPrice(3900, 0)).toBe(3899);
    expect(demoPrice(3900, 2)).toBe(5499);
  });

  it('gives each product stock, picsum images seeded by its slug, attributes and a description naming it', () => {
    const [first] = products;
    expect(first.imageUrls).toEqual([`https://picsum.photos/seed/${first.slug}/800/600`, `https://picsum.photos/seed/${first.slug}-detail/800/600`]);
    expect(first.description).toContain(first.title);
    for (const product of products) {
      expect(product.onHand).toBeGreaterThanOrEqual(20);
      expect(Object.keys(product.attributes)).toEqual(['material', 'colour']);
    }
  });

  it('puts products in leaf categories, parents listed before children, and shares them between the sellers', () => {
    const slugs = categories.map((c) => c.slug);
    categories.forEach((category, index) => {
      if (category.parentSlug) expect(slugs.indexOf(category.parentSlug)).toBeLessThan(index);
    });
    const leaves = new Set(categories.filter((c) => c.parentSlug).map((c) => c.slug));
    expect(products.every((p) => leaves.has(p.categorySlug))).toBe(true);
    expect(new Set(products.map((p) => p.seller))).toEqual(new Set([0, 1]));
  });
});
