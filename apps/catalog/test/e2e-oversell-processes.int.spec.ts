import { randomBytes, randomUUID } from 'node:crypto';
import { TestTokenIssuer } from '@marketplace/auth';
import { TOPICS } from '@marketplace/contracts';
import { createMessageBus, type MessageBus } from '@marketplace/messaging';
import { createTestDatabase, ensureBuilt, ServiceCluster, testInfrastructure, type TestDatabase, waitFor } from '@marketplace/testing';
import knex, { type Knex } from 'knex';
import { orderCancelled, orderPlaced } from './inventory-test-app';

// A build (when sources changed), a process start and Kafka group joins.
jest.setTimeout(600_000);

const WAIT = { timeoutMs: 120_000, intervalMs: 200 };

/**
 * The oversell scenario with the catalog as its own OS process (the compiled service, every
 * module loaded): a seller lists a product and counts 10 units, 50 orders arrive at once on the real
 * bus (Kafka when the run has a broker), 3 reserved ones are cancelled, and 3 more fit.
 */
describe('catalog process: no oversell', () => {
  let database: TestDatabase;
  let issuer: TestTokenIssuer;
  let cluster: ServiceCluster | undefined;
  let ordersBus: MessageBus;
  let db: Knex;
  // A service name of its own: its schema, and its consumer group on a Kafka broker other runs share.
  const service = `catalog-oversell-${randomBytes(3).toString('hex')}`;
  const schema = service.replace(/-/g, '_');

  beforeAll(async () => {
    await ensureBuilt();
    database = await createTestDatabase('catalog_oversell');
    issuer = await TestTokenIssuer.start();
    const { kafkaBrokers } = testInfrastructure();
    cluster = await ServiceCluster.start({
      label: 'catalog-oversell',
      databaseUrl: database.url,
      kafkaBrokers,
      backends: [{ app: 'catalog', env: { SERVICE_NAME: service, JWKS_URL: issuer.jwksUrl } }],
    });
    ordersBus = createMessageBus({ clientId: 'orders-test', kafkaBrokers, databaseUrl: database.url });
    db = knex({ client: 'pg', connection: database.url, pool: { min: 0, max: 2 } });
  });

  afterAll(async () => {
    const problems = cluster?.describeProblems();
    await cluster?.stop();
    await ordersBus?.close();
    await db?.destroy();
    await issuer?.jwks.close();
    await database?.drop();
    if (problems) throw new Error(problems);
  });

  const api = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${cluster?.url('catalog')}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const stock = (productId: string) => db(`${schema}.inventory_items`).where({ product_id: productId }).first('on_hand', 'reserved');
  const outcomes = (orderIds: readonly string[]) =>
    db(`${schema}.outbox`).whereIn('key', [...orderIds]).orderBy('id').select<{ key: string; event_type: string }[]>('key', 'event_type');
  const count = (rows: { event_type: string }[], type: string) => rows.filter((row) => row.event_type === `marketplace.catalog.${type}.v1`).length;
  const place = async (orderIds: readonly string[], productId: string) => {
    const producer = await ordersBus.producer();
    try {
      await Promise.all(orderIds.map((orderId) => producer.send([{ topic: TOPICS.ordersOrder, key: orderId, value: orderPlaced(orderId, [{ productId, quantity: 1 }]) }])));
    } finally {
      await producer.close();
    }
  };

  it('reserves exactly 10 of 50, only the owner sets stock, and 3 cancellations let 3 more through', async () => {
    const sellerId = randomUUID();
    const [admin, seller, otherSeller, buyer] = await Promise.all([
      issuer.sign({ roles: ['admin'] }),
      issuer.sign({ sub: sellerId, roles: ['buyer', 'seller'] }),
      issuer.sign({ roles: ['buyer', 'seller'] }),
      issuer.sign({ roles: ['buyer'] }),
    ]);
    const category = await api('POST', '/categories', admin, { name: 'Scarves' });
    expect(category.status).toBe(201);
    const product = await api('POST', '/products', seller, { title: 'Merino scarf', price: { amount: 4500, currency: 'EUR' }, categoryId: category.body.id });
    expect(product.status).toBe(201);
    const productId = product.body.id as string;

    // Ownership comes from the product: another seller and a buyer are refused.
    expect((await api('PUT', `/products/${productId}/inventory`, otherSeller, { onHand: 99 })).status).toBe(403);
    expect((await api('PUT', `/products/${productId}/inventory`, buyer, { onHand: 99 })).status).toBe(403);
    expect((await api('PUT', `/products/${randomUUID()}/inventory`, seller, { onHand: 1 })).status).toBe(404);
    expect(await api('PUT', `/products/${productId}/inventory`, seller, { onHand: 10 })).toEqual({ status: 200, body: { productId, onHand: 10, reserved: 0, available: 10 } });

    const orders = Array.from({ length: 50 }, () => randomUUID());
    await place(orders, productId);
    await waitFor(async () => (await outcomes(orders)).length === 50, { ...WAIT, description: '50 reservation outcomes' });
    const first = await outcomes(orders);
    expect(count(first, 'StockReserved')).toBe(10);
    expect(count(first, 'StockReservationFailed')).toBe(40);
    expect(await stock(productId)).toEqual({ on_hand: 10, reserved: 10 });

    const cancelled = first.filter((row) => row.event_type === 'marketplace.catalog.StockReserved.v1').slice(0, 3).map((row) => row.key);
    const producer = await ordersBus.producer();
    await producer.send(cancelled.map((orderId) => ({ topic: TOPICS.ordersOrder, key: orderId, value: orderCancelled(orderId) })));
    await producer.close();
    await waitFor(async () => count(await outcomes(cancelled), 'StockReleased') === 3, { ...WAIT, description: '3 releases' });
    expect(await stock(productId)).toEqual({ on_hand: 10, reserved: 7 });
    expect(await api('GET', `/products/${productId}/inventory`, buyer)).toEqual({ status: 200, body: { productId, onHand: 10, reserved: 7, available: 3 } });

    const more = Array.from({ length: 5 }, () => randomUUID());
    await place(more, productId);
    await waitFor(async () => (await outcomes(more)).length === 5, { ...WAIT, description: '5 more outcomes' });
    const second = await outcomes(more);
    expect(count(second, 'StockReserved')).toBe(3);
    expect(count(second, 'StockReservationFailed')).toBe(2);
    expect(await stock(productId)).toEqual({ on_hand: 10, reserved: 10 });
  });
});
