import { randomUUID } from 'node:crypto';
import { createCloudEvent, type MarketplaceEvent, topicForType } from '@marketplace/contracts';
import { createMessageBus, type MessageBus, type Producer } from '@marketplace/messaging';
import { waitFor } from '@marketplace/testing';
import { startSearch, type SearchTestApp } from './search-app';

jest.setTimeout(180_000);

const WAIT = { timeoutMs: 90_000, intervalMs: 100 };

/**
 * End to end through the bus: catalog events published on the topics reach search's handlers, its
 * log and its projection. The embedded bus (on this suite's own database): a fresh consumer group on a
 * shared Kafka broker starts from the beginning of the topics and would first wade through every
 * event other suites and benchmarks ever published there. Kafka is exercised by `npm run bench:search`.
 */
describe('search fed by the catalog topics', () => {
  let search: SearchTestApp;
  let bus: MessageBus;
  let producer: Producer;
  const sellerId = randomUUID();
  let clock = Date.parse('2026-03-01T00:00:00.000Z');

  const event = (type: Parameters<typeof createCloudEvent>[0]['type'], subject: string, data: Record<string, unknown>): MarketplaceEvent => {
    clock += 1000;
    return createCloudEvent({ id: randomUUID(), time: new Date(clock).toISOString(), source: 'catalog', type, subject, data } as Parameters<typeof createCloudEvent>[0]);
  };
  const at = () => new Date(clock + 1000).toISOString();
  const publish = (...events: MarketplaceEvent[]) => producer.send(events.map((e) => ({ topic: topicForType(e.type as never), key: e.subject, value: e })));
  const find = async (params: string) => (await search.get(`/search?sellerId=${sellerId}&${params}`)).body;

  beforeAll(async () => {
    search = await startSearch();
    bus = createMessageBus({ clientId: 'catalog-test', databaseUrl: search.database.url });
    producer = await bus.producer();
  });

  afterAll(async () => {
    await producer?.close();
    await bus?.close();
    await search?.close();
  });

  it('indexes published products, follows updates, price, stock and category changes, drops archived ones, and ignores redeliveries', async () => {
    const categoryId = randomUUID();
    const productId = randomUUID();
    const orderId = randomUUID();
    const created = event('marketplace.catalog.ProductCreated.v1', productId, {
      productId, sellerId, categoryId, title: 'Lumen desk lamp', description: 'Warm light.', attributes: { colour: ['brass'] }, imageUrls: [],
      price: { amount: 4500, currency: 'EUR' }, createdAt: at(),
    });
    await publish(
      event('marketplace.catalog.CategoryCreated.v1', categoryId, { categoryId, parentId: null, name: 'Lighting', slug: 'lighting', createdAt: at() }),
      created,
      event('marketplace.catalog.ProductPublished.v1', productId, { productId, sellerId, publishedAt: at() }),
      event('marketplace.catalog.StockAdjusted.v1', productId, { productId, sellerId, onHand: 3, available: 3, adjustedAt: at() }),
    );
    const found = await waitFor(async () => (await find('q=lamp')).items.find((i) => i.id === productId && i.available === 3), { ...WAIT, description: 'the lamp in search' });
    expect(found).toMatchObject({ title: 'Lumen desk lamp', price: { amount: 4500 }, categoryPath: [{ id: categoryId, name: 'Lighting' }] });

    // A redelivered event is kept once in search's log and changes nothing.
    await publish(created, created);
    await publish(
      event('marketplace.catalog.ProductUpdated.v1', productId, {
        productId, sellerId, categoryId, title: 'Lumen reading lamp', description: 'Warm light.', attributes: { colour: ['brass'] }, imageUrls: [], updatedAt: at(),
      }),
      event('marketplace.catalog.ProductPriceChanged.v1', productId, { productId, sellerId, previousPrice: { amount: 4500, currency: 'EUR' }, price: { amount: 3900, currency: 'EUR' }, changedAt: at() }),
      event('marketplace.catalog.CategoryRenamed.v1', categoryId, { categoryId, name: 'Lamps and lighting', slug: 'lamps-and-lighting', renamedAt: at() }),
      event('marketplace.catalog.StockReserved.v1', orderId, { orderId, lines: [{ productId, quantity: 3, available: 0 }], reservedAt: at() }),
    );
    await waitFor(async () => {
      const [item] = (await find('q=reading')).items;
      return item?.price.amount === 3900 && item.available === 0 && item.categoryPath[0]?.name === 'Lamps and lighting';
    }, { ...WAIT, description: 'the update, price, rename and reservation in search' });
    expect((await find('inStock=true')).items).toEqual([]);
    const stored = await search.store.readStream(`product-${productId}`);
    expect(stored.filter((e) => e.id === created.id)).toHaveLength(1);

    await publish(event('marketplace.catalog.ProductArchived.v1', productId, { productId, sellerId, archivedAt: at() }));
    await waitFor(async () => (await find('q=lamp')).items.length === 0, { ...WAIT, description: 'the archived lamp to leave search' });
    expect((await find('')).facets.priceBands.every((band) => band.count === 0)).toBe(true);
  });
});
