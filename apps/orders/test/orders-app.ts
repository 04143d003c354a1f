import { TestTokenIssuer } from '@marketplace/auth';
import { type CloudEvent, createCloudEvent, type EventDataInput, type EventType, topicForType } from '@marketplace/contracts';
import type { EventStore, RecordedEvent } from '@marketplace/event-store';
import { createMessageBus, type MessageBus, type Producer, startMessaging } from '@marketplace/messaging';
import { createLogger, createServiceApp, EVENT_STORE, KNEX, parseConfig, type ServiceApp } from '@marketplace/platform';
import { ProjectionEngine } from '@marketplace/projections';
import { createTestDatabase, type TestDatabase, waitFor } from '@marketplace/testing';
import type { Knex } from 'knex';
import { randomBytes, randomUUID } from 'node:crypto';
import { AppModule } from '../src/app.module';
import { ordersConfigSchema } from '../src/orders-config';

export interface Caller {
  id: string;
  token: string;
}

export interface Json {
  status: number;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are read field by field
  headers: Record<string, unknown>;
}

/**
 * The whole orders service in-process on a fresh database, with its own SERVICE_NAME (schema and
 * consumer group). Tests play catalog and payments by publishing their events. The bus is the embedded
 * one, in the test's own database, unless KAFKA_BROKERS is given: a new consumer group on the run's
 * shared Kafka broker would first read every event other suites published (events-on-bus runs both).
 */
export class OrdersTestApp {
  private producer?: Producer;

  private constructor(
    readonly service: ServiceApp,
    readonly database: TestDatabase,
    readonly issuer: TestTokenIssuer,
    readonly bus: MessageBus,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<OrdersTestApp> {
    const database = await createTestDatabase('orders');
    const issuer = await TestTokenIssuer.start();
    const config = parseConfig(ordersConfigSchema, {
      SERVICE_NAME: `orders-${randomBytes(3).toString('hex')}`,
      PORT: '0',
      DATABASE_URL: database.url,
      JWKS_URL: issuer.jwksUrl,
      ORDER_DEADLINE_POLL_MS: '200',
      ...env,
    });
    const service = await createServiceApp(AppModule, config, createLogger({ service: 'orders', level: (process.env.TEST_LOG_LEVEL as 'silent' | undefined) ?? 'silent' }));
    await startMessaging(service.app);
    const bus = createMessageBus({ clientId: 'orders-test', kafkaBrokers: config.KAFKA_BROKERS, databaseUrl: database.url });
    return new OrdersTestApp(service, database, issuer, bus);
  }

  get db(): Knex {
    return this.service.app.get<Knex>(KNEX);
  }

  get store(): EventStore {
    return this.service.app.get<EventStore>(EVENT_STORE);
  }

  get projections(): ProjectionEngine {
    return this.service.app.get(ProjectionEngine);
  }

  async caller(roles: ('buyer' | 'seller' | 'admin')[]): Promise<Caller> {
    const id = randomUUID();
    return { id, token: await this.issuer.sign({ sub: id, email: `${id}@example.com`, roles }) };
  }

  async call(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, options: { body?: unknown; as?: Caller; headers?: Record<string, string> } = {}): Promise<Json> {
    const response = await this.service.app.inject({
      method,
      url,
      payload: options.body === undefined ? undefined : (options.body as object),
      headers: { ...(options.as ? { authorization: `Bearer ${options.as.token}` } : {}), ...options.headers },
    });
    return { status: response.statusCode, body: response.body ? response.json() : {}, headers: response.headers };
  }

  /** Publishes as the service that owns the event's topic would (catalog, payments). */
  async publish<T extends EventType>(type: T, subject: string, data: EventDataInput<T>, id: string = randomUUID()): Promise<CloudEvent> {
    const event = createCloudEvent({ id, type, subject, data, source: 'marketplace/test', time: new Date().toISOString() });
    await this.publishRaw(event);
    return event;
  }

  async publishRaw(event: CloudEvent): Promise<void> {
    this.producer ??= await this.bus.producer();
    await this.producer.send([{ topic: topicForType(event.type as EventType), key: event.subject, value: event }]);
  }

  /** A published product of a seller, known to orders' price list once this resolves. */
  async listedProduct(options: { productId?: string; sellerId?: string; price?: number; currency?: string; title?: string } = {}): Promise<{ productId: string; sellerId: string }> {
    const productId = options.productId ?? randomUUID();
    const sellerId = options.sellerId ?? randomUUID();
    const price = { amount: options.price ?? 2500, currency: options.currency ?? 'EUR' };
    const at = new Date().toISOString();
    await this.publish('marketplace.catalog.ProductCreated.v1', productId, {
      productId,
      sellerId,
      categoryId: randomUUID(),
      title: options.title ?? 'Linen apron',
      description: '',
      attributes: {},
      imageUrls: [],
      price,
      createdAt: at,
    });
    await this.publish('marketplace.catalog.ProductPublished.v1', productId, { productId, sellerId, publishedAt: at });
    await waitFor(async () => (await this.db('price_list').where({ product_id: productId, status: 'published' }).first()) !== undefined, {
      timeoutMs: 30_000,
      description: `product ${productId} in the price list`,
    });
    return { productId, sellerId };
  }

  /** An order's stream as stored. */
  orderEvents(orderId: string): Promise<RecordedEvent[]> {
    return this.store.readStream(`order-${orderId}`);
  }

  /** Waits until the order's stream holds an event of this type; returns the stream. */
  async orderReaches(orderId: string, type: string, timeoutMs = 30_000): Promise<RecordedEvent[]> {
    return waitFor(
      async () => {
        const events = await this.orderEvents(orderId);
        return events.some((event) => event.type === type) ? events : undefined;
      },
      { timeoutMs, intervalMs: 50, description: `order ${orderId} to record ${type}` },
    );
  }

  async close(): Promise<void> {
    await this.producer?.close();
    await this.bus.close();
    await this.service.app.close();
    await this.issuer.close();
    await this.database.drop();
  }
}
