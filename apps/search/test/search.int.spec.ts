import { PRICE_BANDS } from '../src/domain/price-bands';
import { SEARCH_PROJECTION } from '../src/infrastructure/projection/search-products.projection';
import { type SearchBody, startSearch, type SearchTestApp } from './search-app';
import { seedCatalog, type SeedCategory, type SeedProduct } from './seed-catalog';

jest.setTimeout(300_000);

const catalog = seedCatalog(1200);
const published = catalog.products.filter((p) => p.status === 'published');
const hidden = catalog.products.filter((p) => p.status !== 'published');

/** The category and its ancestors, from the seeded tree after its rename and move. */
function ancestry(categoryId: string): SeedCategory[] {
  const chain: SeedCategory[] = [];
  let current = catalog.categories.find((c) => c.id === categoryId);
  while (current) {
    chain.unshift(current);
    const parentId: string | null = current.parentId;
    current = catalog.categories.find((c) => c.id === parentId);
  }
  return chain;
}
const inSubtree = (product: SeedProduct, categoryId: string) => ancestry(product.categoryId).some((c) => c.id === categoryId);
const ids = (products: SeedProduct[]) => products.map((p) => p.id).sort();

describe('search over a seeded catalog of 1,200 products', () => {
  let search: SearchTestApp;

  /** Every page of a search, following nextCursor; fails on a duplicate. */
  async function walk(params: string, limit = 100): Promise<SearchBody['items']> {
    const items: SearchBody['items'] = [];
    let cursor: string | null = null;
    do {
      const url = `/search?${params}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const { status, body } = await search.get(url);
      expect(status).toBe(200);
      items.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    return items;
  }

  beforeAll(async () => {
    // Words, typos, filters, facets and paging as text search gives them; meaning has its own suite (semantic-search).
    search = await startSearch({ SEARCH_EMBEDDER: 'none' });
    await search.record(catalog.events);
  });

  afterAll(async () => {
    await search?.close();
  });

  it('lists every published product exactly once across pages, and never a draft or an archived one', async () => {
    const items = await walk('sort=price_asc', 37);
    expect(items.map((i) => i.id).sort()).toEqual(ids(published));
    const hiddenIds = new Set(hidden.map((p) => p.id));
    expect(items.filter((i) => hiddenIds.has(i.id))).toEqual([]);
    // Drafts and archived products stay hidden even when their own title is searched.
    const draft = hidden.find((p) => p.status === 'draft') as SeedProduct;
    const archived = hidden.find((p) => p.status === 'archived') as SeedProduct;
    for (const product of [draft, archived]) {
      const { body } = await search.get(`/search?q=${encodeURIComponent(product.title)}&limit=100`);
      expect(body.items.map((i) => i.id)).not.toContain(product.id);
    }
  });

  it.each(['price_asc', 'price_desc', 'newest', 'rating'])('pages stably in %s order, ties broken by id', async (sort) => {
    const items = await walk(`sort=${sort}`, 25);
    expect(items).toHaveLength(published.length);
    const byId = new Map(published.map((p) => [p.id, p]));
    const key = (id: string): number => {
      const product = byId.get(id) as SeedProduct;
      if (sort === 'price_asc') return product.price;
      if (sort === 'price_desc') return -product.price;
      if (sort === 'newest') return -Date.parse(product.publishedAt as string);
      const { ratings } = product;
      return ratings.length === 0 ? 0 : -ratings.reduce((a, b) => a + b, 0) / ratings.length;
    };
    const expected = [...published].map((p) => p.id).sort((a, b) => key(a) - key(b) || (a < b ? -1 : 1));
    expect(items.map((i) => i.id)).toEqual(expected);
  });

  it('ranks a title match above a description-only match, and the closest title first', async () => {
    const { body } = await search.get('/search?q=aurora%20cancelling');
    expect(body.items[0].id).toBe(catalog.fixtures.aurora);

    const items = await walk('q=headphones');
    const position = items.findIndex((i) => i.id === catalog.fixtures.pouch);
    expect(position).toBeGreaterThan(0);
    const headphones = published.filter((p) => p.title.includes('headphones') || p.title.includes('Headphones'));
    expect(headphones.length).toBeGreaterThan(10);
    for (const product of headphones) expect(items.findIndex((i) => i.id === product.id)).toBeLessThan(position);
    expect(items.slice(0, position).every((i) => /headphones/i.test(i.title) || i.categoryPath.some((c) => c.name === 'Headphones'))).toBe(true);
  });

  it('still finds a product when its name is misspelt', async () => {
    const { body } = await search.get('/search?q=auroa%20noise');
    expect(body.items[0]?.id).toBe(catalog.fixtures.aurora);
    const sneakers = await search.get('/search?q=sneekers&limit=100');
    expect(sneakers.body.items.length).toBeGreaterThan(0);
    expect(sneakers.body.items.every((i) => i.title.includes('sneakers'))).toBe(true);
  });

  it('matches category names after a rename and attribute values', async () => {
    const tea = await walk('q=tea');
    const coffee = published.filter((p) => p.categoryId === catalog.fixtures.coffee);
    expect(ids(coffee).every((id) => tea.some((i) => i.id === id))).toBe(true);
    expect(tea[0].categoryPath.map((c) => c.name)).toEqual(['Home', 'Kitchen', 'Coffee and Tea']);

    const crimson = await walk('q=crimson');
    expect(crimson.map((i) => i.id).sort()).toEqual(ids(published.filter((p) => p.description.includes('crimson') || p.title.includes('crimson'))));
  });

  it('filters by category subtree, price range, seller and stock, and gets the same set as the catalog', async () => {
    const sellerId = catalog.products[2].sellerId;
    const cases: [string, (p: SeedProduct) => boolean][] = [
      [`category=${catalog.fixtures.electronics}`, (p) => inSubtree(p, catalog.fixtures.electronics)],
      [`category=${catalog.fixtures.outerwear}`, (p) => inSubtree(p, catalog.fixtures.outerwear)],
      ['minPrice=5000&maxPrice=12000', (p) => p.price >= 5000 && p.price <= 12000],
      [`sellerId=${sellerId}&inStock=true`, (p) => p.sellerId === sellerId && p.available > 0],
      [`category=${catalog.fixtures.electronics}&inStock=1&minPrice=10000`, (p) => inSubtree(p, catalog.fixtures.electronics) && p.available > 0 && p.price >= 10000],
    ];
    for (const [params, keep] of cases) {
      const items = await walk(`${params}&sort=newest`);
      expect({ params, ids: items.map((i) => i.id).sort() }).toEqual({ params, ids: ids(published.filter(keep)) });
    }
    // The moved category's products are now under its new parent.
    const boots = published.filter((p) => p.categoryId === catalog.fixtures.boots);
    expect(boots.length).toBeGreaterThan(0);
    expect(boots.every((p) => inSubtree(p, catalog.fixtures.outerwear))).toBe(true);
  });

  it('counts facets per child category and per price band, the price band ignoring the price filter', async () => {
    const params = `category=${catalog.fixtures.outerwear}&inStock=true&minPrice=5000&maxPrice=9999`;
    const { body } = await search.get(`/search?${params}`);
    const stocked = published.filter((p) => inSubtree(p, catalog.fixtures.outerwear) && p.available > 0);
    const filtered = stocked.filter((p) => p.price >= 5000 && p.price <= 9999);
    const expectedCategories = catalog.categories
      .filter((c) => c.parentId === catalog.fixtures.outerwear)
      .map((c) => ({ name: c.name, count: filtered.filter((p) => inSubtree(p, c.id)).length }))
      .filter((c) => c.count > 0)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    expect(body.facets.categories.map(({ name, count }) => ({ name, count }))).toEqual(expectedCategories);
    expect(expectedCategories.map((c) => c.name)).toContain('Boots');
    expect(body.facets.priceBands).toEqual(
      PRICE_BANDS.map((band) => ({
        key: band.key,
        min: band.min,
        max: band.max ?? null,
        count: stocked.filter((p) => p.price >= band.min && (band.max === undefined || p.price < band.max)).length,
      })),
    );

    const top = await search.get('/search?q=recycled');
    const recycled = published.filter((p) => p.material === 'recycled');
    const perTop = catalog.categories
      .filter((c) => c.parentId === null)
      .map((c) => ({ name: c.name, count: recycled.filter((p) => inSubtree(p, c.id)).length }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    expect(perTop.every((c) => c.count > 0)).toBe(true);
    expect(top.body.facets.categories.map(({ name, count }) => ({ name, count }))).toEqual(perTop);
  });

  it('answers bad input with 400 in the standard format', async () => {
    const first = await search.get('/search?sort=price_asc&limit=5');
    const cursor = first.body.nextCursor as string;
    const bad = [
      `cursor=${cursor}&sort=newest`,
      'cursor=not*base64',
      `cursor=${Buffer.from('{"s":"newest","k":"1","i":"x"}').toString('base64url')}&sort=newest`,
      `cursor=${Buffer.from('{"s":"price_asc","k":"1; drop table","i":"d0000000-0000-4000-8000-000000000001"}').toString('base64url')}&sort=price_asc`,
      'minPrice=10&maxPrice=5',
      'minPrice=-1',
      'minPrice=1.5',
      'category=electronics',
      'sort=cheapest',
      'limit=0',
      'limit=101',
      'inStock=maybe',
      'colour=red',
      `q=${'x'.repeat(201)}`,
      'q=lamp&mode=fuzzy',
    ];
    for (const params of bad) {
      const { status, body } = await search.get(`/search?${params}`);
      expect({ params, status, code: body.error?.code }).toEqual({ params, status: 400, code: expect.stringMatching(/^(validation_failed|invalid_cursor)$/) });
    }
    const symbols = await search.get(`/search?q=${encodeURIComponent("'&|!:*()<->")}`);
    expect(symbols.status).toBe(200);
    // This search runs without a model: meaning cannot be had, and says so rather than answering by words.
    for (const mode of ['semantic', 'hybrid']) {
      const { status, body } = await search.get(`/search?q=lamp&mode=${mode}`);
      expect({ mode, status, code: body.error?.code }).toEqual({ mode, status: 400, code: 'mode_unavailable' });
    }
    expect((await search.get('/search?q=lamp&mode=text')).status).toBe(200);
  });

  it('a rebuild from the events gives the same results as the live read model', async () => {
    const queries = [
      'q=headphones',
      'q=auroa%20noise',
      'q=tea&sort=price_desc',
      `category=${catalog.fixtures.outerwear}&inStock=true`,
      'sort=rating&limit=50',
      'minPrice=2000&maxPrice=20000&sort=newest&limit=100',
    ];
    const before = await Promise.all(queries.map((q) => search.get(`/search?${q}`)));
    const result = await search.engine.rebuild(SEARCH_PROJECTION);
    expect(result.events).toBe(catalog.events.length);
    const after = await Promise.all(queries.map((q) => search.get(`/search?${q}`)));
    expect(after).toEqual(before);
    expect(before.every((r) => r.body.items.length > 0)).toBe(true);
  });
});
