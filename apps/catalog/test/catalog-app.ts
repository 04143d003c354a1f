import { TestTokenIssuer } from '@marketplace/auth';
import { type CloudEvent, createCloudEvent, TOPICS } from '@marketplace/contracts';
import { createMessageBus, startMessaging, type MessageBus } from '@marketplace/messaging';
import { createLogger, createServiceApp, KNEX, parseConfig, schemaFor, type ServiceApp } from '@marketplace/platform';
import { createTestDatabase, type TestDatabase } from '@marketplace/testing';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../src/app.module';
import { catalogConfigSchema } from '../src/catalog-config';

export interface CatalogTestApp {
  service: ServiceApp;
  database: TestDatabase;
  db: Knex;
  issuer: TestTokenIssuer;
  /** A producer on the same bus the catalog consumes (embedded, or Kafka when `KAFKA_BROKERS` is given). */
  bus: MessageBus;
  close(): Promise<void>;
}

/** The catalog on a fresh database of the test PostgreSQL, its tokens signed by a TestTokenIssuer, its consumers connected. */
export async function startCatalog(env: Record<string, string> = {}): Promise<CatalogTestApp> {
  const database = await createTestDatabase('catalog');
  const issuer = await TestTokenIssuer.start();
  const config = parseConfig(catalogConfigSchema, { SERVICE_NAME: 'catalog', PORT: '0', DATABASE_URL: database.url, JWKS_URL: issuer.jwksUrl, ...env });
  const service = await createServiceApp(AppModule, config, createLogger({ service: 'catalog', level: 'silent' }));
  await startMessaging(service.app);
  const bus = createMessageBus({ clientId: 'catalog-test', kafkaBrokers: config.KAFKA_BROKERS, databaseUrl: database.url });
  return {
    service,
    database,
    db: service.app.get<Knex>(KNEX),
    issuer,
    bus,
    close: async () => {
      await bus.close();
      await service.app.close();
      await issuer.close();
      await database.drop();
    },
  };
}

export interface Caller {
  id: string;
  token: string;
}

/** A signed-in user with these roles (`seller` = an approved seller). */
export async function caller(app: CatalogTestApp, roles: ('buyer' | 'seller' | 'admin')[]): Promise<Caller> {
  const id = randomUUID();
  return { id, token: await app.issuer.sign({ sub: id, email: `${id}@example.com`, roles }) };
}

export interface Json {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string; details: { field: string; message: string }[] } };
}

export async function call(
  app: CatalogTestApp,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  options: { body?: unknown; as?: Caller; headers?: Record<string, string> } = {},
): Promise<Json> {
  const response = await app.service.app.inject({
    method,
    url,
    payload: options.body === undefined ? undefined : (options.body as object),
    headers: { ...(options.as ? { authorization: `Bearer ${options.as.token}` } : {}), ...options.headers },
  });
  return { status: response.statusCode, body: response.body ? response.json() : {} };
}

/** Calls and insists on the status, for the steps a test only builds on. */
export async function expectCall(app: CatalogTestApp, status: number, ...args: Parameters<typeof call> extends [unknown, ...infer Rest] ? Rest : never): Promise<Record<string, unknown>> {
  const response = await call(app, ...args);
  if (response.status !== status) throw new Error(`${args[0]} ${args[1]}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function outboxEvents(app: CatalogTestApp, subject?: string): Promise<CloudEvent[]> {
  const query = app.db(`${schemaFor('catalog')}.outbox`).orderBy('id').select<{ event: CloudEvent }[]>('event');
  const rows = await (subject ? query.where({ key: subject }) : query);
  return rows.map((row) => row.event);
}

/** Counts rows of the catalog's own tables, to show that a refused request wrote nothing. */
export async function rowCounts(app: CatalogTestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['categories', 'products', 'reviews', 'delivered_purchases', 'outbox']) {
    const [{ count }] = await app.db(`${schemaFor('catalog')}.${table}`).count<{ count: string }[]>({ count: '*' });
    counts[table] = Number(count);
  }
  return counts;
}

export async function createCategory(app: CatalogTestApp, admin: Caller, name: string, parentId: string | null = null): Promise<string> {
  return (await expectCall(app, 201, 'POST', '/categories', { as: admin, body: { name, parentId } })).id as string;
}

export const PRODUCT = {
  title: 'Chef knife',
  description: 'Carbon steel.\nBlade: 20 cm',
  price: { amount: 4900, currency: 'EUR' },
  attributes: { blade: ['20 cm'] },
  imageUrls: ['https://images.example.com/knife.jpg'],
};

export async function createProduct(app: CatalogTestApp, seller: Caller, categoryId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  return (await expectCall(app, 201, 'POST', '/products', { as: seller, body: { ...PRODUCT, categoryId, ...overrides } })).id as string;
}

/** Orders' OrderDelivered for these products, as orders publishes it on orders.order.v1. */
export async function deliver(app: CatalogTestApp, buyerId: string, productIds: string[], eventId = randomUUID()): Promise<CloudEvent> {
  const orderId = randomUUID();
  const event = createCloudEvent({
    id: eventId,
    source: 'marketplace/orders',
    type: 'marketplace.orders.OrderDelivered.v1',
    subject: orderId,
    time: new Date().toISOString(),
    data: { orderId, buyerId, productIds, deliveredAt: new Date().toISOString() },
  });
  await publish(app, event);
  return event;
}

export async function publish(app: CatalogTestApp, event: CloudEvent): Promise<void> {
  await app.bus.ensureTopics([TOPICS.ordersOrder]);
  const producer = await app.bus.producer();
  try {
    await producer.send([{ topic: TOPICS.ordersOrder, key: event.subject ?? event.id, value: event }]);
  } finally {
    await producer.close();
  }
}
