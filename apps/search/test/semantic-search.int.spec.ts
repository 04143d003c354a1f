import { createCloudEvent, type MarketplaceEvent } from '@marketplace/contracts';
import { type BackendCase, describeEachBackend, pgvectorBackend, testInfrastructure } from '@marketplace/testing';
import { SEARCH_PROJECTION } from '../src/infrastructure/projection/search-products.projection';
import { randomUUID } from 'node:crypto';
import { startSearch, type SearchTestApp } from './search-app';
import { seedId } from './seed-catalog';
import { semanticCatalog } from './semantic-catalog';

/** The infra PostgreSQL: no pgvector there, so search scans its vectors exactly in process. */
interface VectorBackend {
  url: string;
  /** SEARCH_VECTOR_INDEX, and what /ready must then say. */
  index: 'auto' | 'pgvector';
  described: string;
}

const exactBackend: BackendCase<VectorBackend> = {
  name: 'exact scan',
  resolve: () => {
    const url = testInfrastructure().postgresUrl;
    if (!url) return { skip: 'no PostgreSQL (TEST_DATABASE_URL not set)' };
    return { url, index: 'auto', described: 'exact scan in process (pgvector is not installed in this PostgreSQL)' };
  },
};
const pgvector = pgvectorBackend();
const hnswBackend: BackendCase<VectorBackend> = {
  name: 'pgvector HNSW',
  resolve: () => {
    const url = pgvector.resolve();
    return typeof url === 'string' ? { url, index: 'pgvector', described: 'pgvector HNSW (cosine), 384 dimensions' } : url;
  },
};

const catalog = semanticCatalog();

describeEachBackend('semantic and hybrid search with the real model', [exactBackend, hnswBackend], (backend) => {
  let search: SearchTestApp;
  const titles = async (query: string) => {
    const { status, body } = await search.get(`/search?${query}`);
    expect(status).toBe(200);
    return body.items.map((item) => item.title);
  };
  const vectors = async () =>
    (await search.db.raw<{ rows: { product_id: string; embedding: string }[] }>(`SELECT product_id, embedding::text FROM product_vectors ORDER BY product_id`)).rows;

  beforeAll(async () => {
    search = await startSearch({ SEARCH_EMBEDDER: 'minilm', SEARCH_VECTOR_INDEX: backend().index }, { postgresUrl: backend().url });
    await search.record(catalog.events);
  });

  afterAll(async () => {
    await search?.close();
  });

  it('finds the kettle for "something to boil water", which text search misses', async () => {
    expect(await titles('q=something to boil water&mode=text')).toEqual([]);
    expect((await titles('q=something to boil water&mode=semantic'))[0]).toBe('Aurelia K2 electric kettle 1.7 l');
    expect((await titles('q=something to boil water'))[0]).toBe('Aurelia K2 electric kettle 1.7 l');
    expect((await titles('q=shoes for jogging&mode=hybrid'))[0]).toBe('Stride 3 road shoes');
    expect((await titles('q=light for reading in bed&mode=hybrid'))[0]).toBe('Lumo desk lamp');
  });

  it('keeps an exact title first in hybrid, as in text', async () => {
    for (const title of ['Ferro cast iron skillet', 'Boom portable speaker', 'Glow smart bulb E27']) {
      expect((await titles(`q=${encodeURIComponent(title)}&mode=text`))[0]).toBe(title);
      expect((await titles(`q=${encodeURIComponent(title)}&mode=hybrid`))[0]).toBe(title);
    }
  });

  it('applies filters and facets to what meaning finds', async () => {
    const kitchen = catalog.category('Kitchen');
    const inKitchen = await search.get(`/search?q=something to cook dinner in&mode=semantic&category=${kitchen}&inStock=true`);
    expect(inKitchen.status).toBe(200);
    expect(inKitchen.body.items.length).toBeGreaterThan(0);
    expect(inKitchen.body.items.every((item) => item.categoryPath[0]?.name === 'Kitchen' && item.available > 0)).toBe(true);
    expect(inKitchen.body.items.map((item) => item.title)).not.toContain('Vortex countertop blender');
    const counted = inKitchen.body.facets.categories.reduce((sum, facet) => sum + facet.count, 0);
    expect(counted).toBe(inKitchen.body.items.length);
  });

  it('pages a hybrid result with cursors: the same items as one page, each once', async () => {
    const whole = await titles('q=pan for the hob&mode=hybrid&limit=100');
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const { status, body } = await search.get(`/search?q=pan for the hob&mode=hybrid&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(status).toBe(200);
      paged.push(...body.items.map((item) => item.title));
      cursor = body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(whole);
    const text = await search.get('/search?q=pan&mode=text&limit=1');
    const mixed = await search.get(`/search?q=pan&mode=hybrid&limit=1&cursor=${text.body.nextCursor}`);
    expect(mixed.status).toBe(400);
    expect(mixed.body.error?.code).toBe('invalid_cursor');
  });

  it('recommends as similar the nearest products of the same top-level category, in stock, never the product itself', async () => {
    const kettle = catalog.product('kettle');
    const response = await search.service.app.inject({ method: 'GET', url: `/products/${kettle}/recommendations?kind=similar&limit=10` });
    expect(response.statusCode).toBe(200);
    const titlesOf = (response.json() as { items: { title: string }[] }).items.map((item) => item.title);
    // Kitchen holds five products: the kettle itself and the blender (out of stock) are left out.
    expect([...titlesOf].sort()).toEqual(['Brava two-slice toaster', 'Cortina saucepan 18 cm', 'Ferro cast iron skillet']);
    const lamp = await search.service.app.inject({ method: 'GET', url: `/products/${catalog.product('lamp')}/recommendations?kind=similar&limit=1` });
    expect((lamp.json() as { items: { title: string }[] }).items.map((item) => item.title)).toEqual(['Glow smart bulb E27']);
  });

  it('re-embeds a product when its words change, not when its price does', async () => {
    const kettle = catalog.product('kettle');
    const before = await search.db('product_vectors').where({ product_id: kettle }).first();
    const sellerId = seedId('a', 1);
    await search.record([
      event('marketplace.catalog.ProductPriceChanged.v1', kettle, { productId: kettle, sellerId, previousPrice: { amount: 3999, currency: 'EUR' }, price: { amount: 3499, currency: 'EUR' }, changedAt: new Date().toISOString() }),
    ]);
    expect((await search.db('product_vectors').where({ product_id: kettle }).first()).written_at).toEqual(before.written_at);
    await search.record([
      event('marketplace.catalog.ProductUpdated.v1', kettle, {
        productId: kettle, sellerId, categoryId: catalog.category('Small appliances'), title: 'Aurelia K2 electric kettle 1.7 l', description: 'Now with a tea infuser basket.', attributes: {}, imageUrls: [], updatedAt: new Date().toISOString(),
      }),
    ]);
    const after = await search.db('product_vectors').where({ product_id: kettle }).first();
    expect(after.source_hash).not.toBe(before.source_hash);
    expect(after.written_at.getTime()).toBeGreaterThan(before.written_at.getTime());
  });

  it('reports the model and the index on /ready, and a rebuild gives the same vectors', async () => {
    const ready = await search.service.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks.vectors).toBe(`all-minilm-l6-v2-q; ${backend().described}; 11 of 11 published products embedded`);
    const live = await vectors();
    expect(live).toHaveLength(11);
    await search.engine.rebuild(SEARCH_PROJECTION);
    expect(await vectors()).toEqual(live);
    expect((await titles('q=something to boil water&mode=semantic'))[0]).toBe('Aurelia K2 electric kettle 1.7 l');
  });
});

function event(type: Parameters<typeof createCloudEvent>[0]['type'], subject: string, data: object): MarketplaceEvent {
  return createCloudEvent({ id: randomUUID(), time: new Date().toISOString(), source: 'catalog', type, subject, data } as Parameters<typeof createCloudEvent>[0]);
}
