import { ndcgAt, recallAt } from './metrics';

const grades = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('ndcgAt', () => {
  it('discounts graded gains by log2(rank + 1) against the ideal order', () => {
    // DCG = 1/1 + 7/log2(3) + 0 + 3/log2(5) = 6.70854; ideal = 7 + 3/log2(3) + 1/2 = 9.39279.
    expect(ndcgAt(10, ['c', 'a', 'x', 'b'], grades({ a: 3, b: 2, c: 1 }))).toBeCloseTo(0.714222, 5);
  });

  it('is 1 for the ideal order and ignores what comes after rank k', () => {
    expect(ndcgAt(10, ['a', 'b', 'c'], grades({ a: 3, b: 2, c: 1 }))).toBe(1);
    const eleventh = [...Array.from({ length: 10 }, (_, i) => `n${i}`), 'a'];
    expect(ndcgAt(10, eleventh, grades({ a: 2 }))).toBe(0);
  });

  it('takes the ideal from every labelled product, not only the returned ones', () => {
    // 3 / (3 + 3/log2(3)): the second grade-2 product was never returned.
    expect(ndcgAt(10, ['a'], grades({ a: 2, b: 2 }))).toBeCloseTo(0.613147, 5);
  });

  it('refuses a query with no labelled product', () => {
    expect(() => ndcgAt(10, ['a'], grades({}))).toThrow(/without any labelled product/);
  });
});

describe('recallAt', () => {
  it('counts grade 2 and above found in the first k, not grade 1 nor rank k + 1', () => {
    const labels = grades({ a: 2, b: 3, c: 2, d: 1 });
    const ranking = ['d', 'a', ...Array.from({ length: 18 }, (_, i) => `n${i}`), 'b'];
    expect(recallAt(20, ranking, labels)).toBeCloseTo(1 / 3, 10);
    expect(recallAt(20, ['b', 'd', 'c'], labels)).toBeCloseTo(2 / 3, 10);
  });

  it('counts against min(k, relevant) when more than k products are relevant', () => {
    const labels = grades(Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`p${i}`, 2])));
    expect(recallAt(20, Array.from({ length: 20 }, (_, i) => `p${i}`), labels)).toBe(1);
    expect(recallAt(20, Array.from({ length: 10 }, (_, i) => `p${i}`), labels)).toBe(0.5);
  });

  it('refuses a query with only grade-1 products', () => {
    expect(() => recallAt(20, ['a'], grades({ a: 1 }))).toThrow(/without any relevant product/);
  });
});
