import { gradesFor } from './grades';
import { CATEGORY_TREE, type CategoryNode } from './product-types';
import { LABELLED_QUERIES, QUERY_CLASSES } from './queries';
import { relevanceCatalog } from './relevance-catalog';

const clock = () => '2026-01-01T00:00:00.000Z';
const catalog = relevanceCatalog(clock);
const typeKeys = new Set(catalog.products.map((product) => product.type));
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const categoryNames = (nodes: CategoryNode[]): string[] => nodes.flatMap((node) => [node.name, ...categoryNames(node.children ?? [])]);
const queryNamed = (q: string) => {
  const query = LABELLED_QUERIES.find((candidate) => candidate.q === q);
  if (!query) throw new Error(`no labelled query "${q}"`);
  return query;
};
const leaves = (nodes: CategoryNode[]): CategoryNode[] => nodes.flatMap((node) => (node.types ? [node] : leaves(node.children ?? [])));

describe('the relevance catalog', () => {
  it('is at least 2,000 products with unique titles over 12-20 leaf categories and 60-150 types', () => {
    expect(catalog.products.length).toBeGreaterThanOrEqual(2_000);
    expect(new Set(catalog.products.map((product) => product.title)).size).toBe(catalog.products.length);
    expect(leaves(CATEGORY_TREE).length).toBeGreaterThanOrEqual(12);
    expect(leaves(CATEGORY_TREE).length).toBeLessThanOrEqual(20);
    expect(typeKeys.size).toBeGreaterThanOrEqual(60);
    expect(typeKeys.size).toBeLessThanOrEqual(150);
  });

  it('is the same on every call but for the event ids', () => {
    const again = relevanceCatalog(clock);
    expect(again.products).toEqual(catalog.products);
    expect(again.events.map((event) => event.data)).toEqual(catalog.events.map((event) => event.data));
    expect(again.events[0].id).not.toBe(catalog.events[0].id);
  });

  it('publishes every product with its stock, after the categories', () => {
    const count = (type: string) => catalog.events.filter((event) => event.type === `marketplace.catalog.${type}.v1`).length;
    expect([count('CategoryCreated'), count('ProductCreated'), count('ProductPublished'), count('StockAdjusted')]).toEqual([
      catalog.categoryIds.length,
      catalog.products.length,
      catalog.products.length,
      catalog.products.length,
    ]);
    expect(catalog.events.slice(0, catalog.categoryIds.length).every((event) => event.type === 'marketplace.catalog.CategoryCreated.v1')).toBe(true);
  });
});

describe('the labelled queries', () => {
  it('are at least 60, unique, at least 10 in every class and 15 paraphrases', () => {
    const inClass = (queryClass: string) => LABELLED_QUERIES.filter((query) => query.class === queryClass).length;
    expect(LABELLED_QUERIES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(LABELLED_QUERIES.map((query) => query.q.toLowerCase())).size).toBe(LABELLED_QUERIES.length);
    expect(Math.min(...QUERY_CLASSES.map(inClass))).toBeGreaterThanOrEqual(10);
    expect(inClass('paraphrase')).toBeGreaterThanOrEqual(15);
  });

  it('name only types the catalog has, and each has a relevant product', () => {
    for (const query of LABELLED_QUERIES) {
      expect({ q: query.q, unknown: [...query.asked, ...query.related].filter((key) => !typeKeys.has(key)) }).toEqual({ q: query.q, unknown: [] });
      const relevant = [...gradesFor(query, catalog.products).values()].filter((grade) => grade >= 2).length;
      expect({ q: query.q, relevant: relevant > 0 }).toEqual({ q: query.q, relevant: true });
    }
  });

  it('give each exact-title query exactly one product of grade 3 and its type grade 1', () => {
    for (const query of LABELLED_QUERIES.filter((candidate) => candidate.class === 'exact-title')) {
      const grades = gradesFor(query, catalog.products);
      const named = catalog.products.filter((product) => grades.get(product.id) === 3);
      expect({ q: query.q, named: named.length }).toEqual({ q: query.q, named: 1 });
      const sameType = catalog.products.filter((product) => product.type === named[0].type);
      expect(sameType.every((product) => grades.has(product.id))).toBe(true);
      expect(grades.size).toBe(sameType.length);
    }
  });

  it('give an attribute query grade 2 only with the value and grade 1 without it', () => {
    const grades = gradesFor(queryNamed('wireless headphones'), catalog.products);
    const headphones = catalog.products.filter((product) => product.type === 'headphones');
    const wireless = headphones.filter((product) => product.attributes.connectivity === 'wireless');
    expect(wireless.length).toBeGreaterThan(0);
    expect(wireless.length).toBeLessThan(headphones.length);
    for (const product of headphones) expect(grades.get(product.id)).toBe(product.attributes.connectivity === 'wireless' ? 2 : 1);
    for (const product of catalog.products.filter((candidate) => candidate.type === 'earbuds')) expect(grades.get(product.id)).toBe(1);
  });

  it('grade a paraphrase by the types asked for and related, and nothing else', () => {
    const grades = gradesFor(queryNamed('something to boil water'), catalog.products);
    const gradeOfType = (type: string) => new Set(catalog.products.filter((product) => product.type === type).map((product) => grades.get(product.id) ?? 0));
    expect([gradeOfType('electric-kettle'), gradeOfType('stovetop-kettle'), gradeOfType('camping-stove')]).toEqual([new Set([2]), new Set([1]), new Set([0])]);
  });

  it('use synonyms that no word of the catalog starts with, so only meaning can find them', () => {
    const catalogWords = new Set([
      ...catalog.products.flatMap((product) => [product.title, product.description, ...Object.entries(product.attributes).flat()].flatMap(words)),
      ...categoryNames(CATEGORY_TREE).flatMap(words),
    ]);
    for (const query of LABELLED_QUERIES.filter((candidate) => candidate.class === 'synonym')) {
      const found = words(query.q).filter((word) => [...catalogWords].some((catalogWord) => catalogWord.startsWith(word)));
      expect({ q: query.q, found }).toEqual({ q: query.q, found: [] });
    }
  });

  it('ask for attribute values that products of the asked types have', () => {
    for (const query of LABELLED_QUERIES.filter((candidate) => candidate.class === 'attribute')) {
      const having = catalog.products.filter((product) => query.asked.includes(product.type) && product.attributes[query.attribute?.name ?? ''] === query.attribute?.value);
      expect({ q: query.q, having: having.length > 0 }).toEqual({ q: query.q, having: true });
    }
  });
});
