import { type MarketplaceEvent, parseCloudEvent, TOPICS } from '@marketplace/contracts';
import { type Consumer } from '@marketplace/messaging';
import { describeEachBackend, serviceBusBackends, waitFor } from '@marketplace/testing';
import { randomBytes } from 'node:crypto';
import { caller, type CatalogTestApp, createCategory, createProduct, expectCall, startCatalog } from './catalog-app';

// Kafka group joins take seconds.
jest.setTimeout(120_000);

describeEachBackend('catalog.product.v1 events on the bus', serviceBusBackends(), (backend) => {
  let app: CatalogTestApp;
  let consumer: Consumer;
  const raw: { key: string; value: string }[] = [];

  beforeAll(async () => {
    const { kafkaBrokers } = backend();
    app = await startCatalog(kafkaBrokers ? { KAFKA_BROKERS: kafkaBrokers.join(',') } : {});
    await app.bus.ensureTopics([TOPICS.catalogProduct]);
    consumer = await app.bus.consumer({
      groupId: `catalog-events-test-${randomBytes(4).toString('hex')}`,
      topics: [TOPICS.catalogProduct],
      fromBeginning: true,
      onMessage: async (message) => void raw.push({ key: message.key, value: message.value.toString('utf8') }),
    });
  });

  afterAll(async () => {
    await consumer?.stop();
    await app?.close();
  });

  it('publishes category, product, price and review events through the outbox relay, keyed by aggregate, valid against their schemas', async () => {
    const admin = await caller(app, ['buyer', 'admin']);
    const seller = await caller(app, ['buyer', 'seller']);
    const buyer = await caller(app, ['buyer']);
    const parent = await createCategory(app, admin, `Bus ${randomBytes(3).toString('hex')}`);
    const categoryId = await createCategory(app, admin, `Bus child ${randomBytes(3).toString('hex')}`, parent);
    await expectCall(app, 200, 'PATCH', `/categories/${categoryId}`, { as: admin, body: { name: `Bus renamed ${randomBytes(3).toString('hex')}` } });
    await expectCall(app, 200, 'POST', `/categories/${categoryId}/move`, { as: admin, body: { parentId: null } });
    const productId = await createProduct(app, seller, categoryId);
    await expectCall(app, 200, 'PATCH', `/products/${productId}`, { as: seller, body: { title: 'Gyuto', price: { amount: 5900, currency: 'EUR' } } });
    await expectCall(app, 200, 'POST', `/products/${productId}/publish`, { as: seller });
    await app.db('delivered_purchases').insert({ buyer_id: buyer.id, product_id: productId, order_id: productId, delivered_at: new Date() });
    await expectCall(app, 201, 'POST', `/products/${productId}/reviews`, { as: buyer, body: { rating: 4 } });
    await expectCall(app, 200, 'POST', `/products/${productId}/archive`, { as: seller });

    const of = (key: string, count: number) =>
      waitFor(
        () => {
          const mine = raw.filter((message) => message.key === key);
          return mine.length >= count ? mine.map((message) => parseCloudEvent(message.value)) : undefined;
        },
        { timeoutMs: 60_000, description: `${count} events of ${key} on the bus` },
      );
    const categoryEvents: MarketplaceEvent[] = await of(categoryId, 3);
    expect(categoryEvents.map((event) => event.type)).toEqual([
      'marketplace.catalog.CategoryCreated.v1',
      'marketplace.catalog.CategoryRenamed.v1',
      'marketplace.catalog.CategoryMoved.v1',
    ]);
    const productEvents: MarketplaceEvent[] = await of(productId, 6);
    expect(productEvents.map((event) => event.type)).toEqual([
      'marketplace.catalog.ProductCreated.v1',
      'marketplace.catalog.ProductUpdated.v1',
      'marketplace.catalog.ProductPriceChanged.v1',
      'marketplace.catalog.ProductPublished.v1',
      'marketplace.catalog.ReviewPosted.v1',
      'marketplace.catalog.ProductArchived.v1',
    ]);
    expect(new Set(productEvents.map((event) => event.subject))).toEqual(new Set([productId]));
    expect(productEvents[2].data).toEqual(expect.objectContaining({ previousPrice: { amount: 4900, currency: 'EUR' }, price: { amount: 5900, currency: 'EUR' } }));
    expect(productEvents[4].data).toEqual(expect.objectContaining({ productId, authorId: buyer.id, rating: 4 }));
  });
});
