import { randomUUID } from 'node:crypto';
import { createCloudEvent, type MarketplaceEvent, topicForType } from '@marketplace/contracts';
import { createMessageBus, type MessageBus } from '@marketplace/messaging';
import { createTestDatabase, ensureBuilt, ServiceCluster, type TestDatabase, waitFor } from '@marketplace/testing';

jest.setTimeout(240_000);

/**
 * Search as its own OS process (`dist/apps/search/src/main.js`): its `@EventPattern` handlers consume
 * the catalog topics of the bus on its database, and what catalog publishes becomes searchable over HTTP.
 */
describe('search as a process', () => {
  let database: TestDatabase;
  let cluster: ServiceCluster;
  let bus: MessageBus;

  beforeAll(async () => {
    await ensureBuilt();
    database = await createTestDatabase('search_process');
    cluster = await ServiceCluster.start({ label: 'search-process', databaseUrl: database.url, backends: [{ app: 'search' }] });
    bus = createMessageBus({ clientId: 'catalog-test', databaseUrl: database.url });
  });

  afterAll(async () => {
    await bus?.close();
    await cluster?.stop();
    await database?.drop();
  });

  const get = async (path: string) => {
    const response = await fetch(`${cluster.url('search')}${path}`);
    return { status: response.status, body: (await response.json()) as { items?: { id: string; title: string }[]; error?: { code: string } } };
  };

  it('consumes published catalog events and answers searches over HTTP, bad input with 400', async () => {
    const productId = randomUUID();
    const sellerId = randomUUID();
    const categoryId = randomUUID();
    const time = new Date().toISOString();
    const event = (type: Parameters<typeof createCloudEvent>[0]['type'], subject: string, data: object): MarketplaceEvent =>
      createCloudEvent({ id: randomUUID(), time, source: 'catalog', type, subject, data } as Parameters<typeof createCloudEvent>[0]);
    const events = [
      event('marketplace.catalog.CategoryCreated.v1', categoryId, { categoryId, parentId: null, name: 'Garden', slug: 'garden', createdAt: time }),
      event('marketplace.catalog.ProductCreated.v1', productId, {
        productId, sellerId, categoryId, title: 'Copper watering can', description: 'Holds five litres.', attributes: {}, imageUrls: [],
        price: { amount: 3200, currency: 'EUR' }, createdAt: time,
      }),
      event('marketplace.catalog.ProductPublished.v1', productId, { productId, sellerId, publishedAt: time }),
    ];
    const producer = await bus.producer();
    await producer.send(events.map((e) => ({ topic: topicForType(e.type), key: e.subject, value: e })));
    await producer.close();

    const found = await waitFor(async () => (await get('/search?q=watering%20can')).body.items?.find((item) => item.id === productId), {
      timeoutMs: 60_000,
      intervalMs: 100,
      description: 'the watering can in search',
    });
    expect(found.title).toBe('Copper watering can');
    expect((await get('/search?q=waterng')).body.items?.map((item) => item.id)).toEqual([productId]);
    const bad = await get('/search?minPrice=cheap');
    expect({ status: bad.status, code: bad.body.error?.code }).toEqual({ status: 400, code: 'validation_failed' });
    expect((await fetch(`${cluster.url('search')}/ready`)).status).toBe(200);
  });
});
