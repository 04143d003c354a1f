import { randomBytes, randomUUID } from 'node:crypto';
import { AuthModule, TestTokenIssuer } from '@marketplace/auth';
import { type CloudEvent, createCloudEvent, TOPICS } from '@marketplace/contracts';
import { connectMessaging, createMessageBus, type MessageBus, MessagingModule, type Producer } from '@marketplace/messaging';
import {
  createLogger,
  createServiceApp,
  dataServiceConfigSchema,
  KNEX,
  MESSAGE_BUS,
  parseConfig,
  PlatformModule,
  schemaFor,
  type ServiceApp,
} from '@marketplace/platform';
import { createTestDatabase, testInfrastructure, type TestDatabase } from '@marketplace/testing';
import { Module } from '@nestjs/common';
import type { Knex } from 'knex';
import { inventoryMigration } from '../src/infrastructure/migrations/002-inventory-stock-and-reservations';
import { InventoryModule } from '../src/inventory/inventory.module';

/**
 * The inventory feature as the catalog service runs it, in-process: the platform (catalog schema and
 * migrations, the bus), MessagingModule's transport feeding its @EventPattern handler, and token
 * checks against a test JWKS. The bus is Kafka when the run has a broker, else the embedded bus.
 */
export interface InventoryTestApp {
  service: ServiceApp;
  db: Knex;
  bus: MessageBus;
  issuer: TestTokenIssuer;
  /** Orders' side of the bus: publishes on orders.order.v1 as the orders service would. */
  publish(events: CloudEvent[]): Promise<void>;
  close(): Promise<void>;
}

export async function startInventory(): Promise<InventoryTestApp> {
  const database: TestDatabase = await createTestDatabase('catalog_inventory');
  const issuer = await TestTokenIssuer.start();
  const kafkaBrokers = testInfrastructure().kafkaBrokers;
  const config = parseConfig(dataServiceConfigSchema, {
    SERVICE_NAME: 'catalog',
    PORT: '0',
    DATABASE_URL: database.url,
    ...(kafkaBrokers ? { KAFKA_BROKERS: kafkaBrokers.join(',') } : {}),
  });
  // Kafka keeps its topics between runs: a group of its own makes this run start from its own offsets.
  const groupId = `catalog-test-${randomBytes(4).toString('hex')}`;

  @Module({
    imports: [
      PlatformModule.forRoot({ database: { migrations: [inventoryMigration] }, bus: true }),
      MessagingModule.forRootAsync({
        inject: [MESSAGE_BUS],
        useFactory: (bus: MessageBus) => ({ serviceName: 'catalog', groupId, schema: schemaFor('catalog'), bus, retry: { initialDelayMs: 50, maxDelayMs: 500 } }),
      }),
      AuthModule.forRoot(issuer.verifierOptions),
      InventoryModule,
    ],
  })
  class InventoryTestModule {}

  const service = await createServiceApp(InventoryTestModule, config, createLogger({ service: 'catalog', level: 'silent' }));
  connectMessaging(service.app);
  await service.app.startAllMicroservices();
  const ordersBus = createMessageBus({ clientId: 'orders-test', kafkaBrokers, databaseUrl: database.url });
  let producer: Producer | undefined;
  return {
    service,
    db: service.app.get<Knex>(KNEX),
    bus: service.app.get<MessageBus>(MESSAGE_BUS),
    issuer,
    publish: async (events) => {
      producer ??= await ordersBus.producer();
      await producer.send(events.map((value) => ({ topic: TOPICS.ordersOrder, key: value.subject, value })));
    },
    close: async () => {
      await producer?.close();
      await ordersBus.close();
      await service.app.close();
      await issuer.jwks.close();
      await database.drop();
    },
  };
}

const at = (time: Date) => time.toISOString();

/** An OrderPlaced with one line per product, priced 100 EUR cents a unit. */
export function orderPlaced(orderId: string, lines: { productId: string; quantity: number }[], eventId = randomUUID()): CloudEvent {
  const orderLines = lines.map(({ productId, quantity }) => ({
    productId,
    sellerId: randomUUID(),
    title: 'Test product',
    quantity,
    unitPrice: { amount: 100, currency: 'EUR' },
    lineTotal: { amount: 100 * quantity, currency: 'EUR' },
  }));
  return createCloudEvent({
    id: eventId,
    time: at(new Date()),
    source: 'marketplace/orders',
    type: 'marketplace.orders.OrderPlaced.v1',
    subject: orderId,
    data: {
      orderId,
      buyerId: randomUUID(),
      lines: orderLines,
      total: { amount: orderLines.reduce((sum, line) => sum + line.lineTotal.amount, 0), currency: 'EUR' },
      shippingAddress: { recipientName: 'Ada Lovelace', line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
      paymentMethod: 'pm_card_visa',
      placedAt: at(new Date()),
    },
  });
}

export function orderCancelled(orderId: string): CloudEvent {
  return createCloudEvent({
    id: randomUUID(),
    time: at(new Date()),
    source: 'marketplace/orders',
    type: 'marketplace.orders.OrderCancelled.v1',
    subject: orderId,
    data: { orderId, buyerId: randomUUID(), reason: 'buyer_cancelled', cancelledAt: at(new Date()) },
  });
}

export function orderConfirmed(orderId: string): CloudEvent {
  return createCloudEvent({
    id: randomUUID(),
    time: at(new Date()),
    source: 'marketplace/orders',
    type: 'marketplace.orders.OrderConfirmed.v1',
    subject: orderId,
    data: { orderId, buyerId: randomUUID(), paymentId: randomUUID(), confirmedAt: at(new Date()) },
  });
}

/** The events the catalog wrote to its outbox for these orders (or products), oldest first. */
export async function inventoryOutbox(db: Knex, subjects: readonly string[]): Promise<CloudEvent[]> {
  const rows = await db('catalog.outbox').whereIn('key', [...subjects]).orderBy('id').select<{ event: CloudEvent }[]>('event');
  return rows.map((row) => row.event);
}

export interface Json {
  status: number;
  body: Record<string, unknown> & { error?: { code: string } };
}

export async function call(service: ServiceApp, method: 'GET' | 'PUT', url: string, options: { body?: unknown; token?: string } = {}): Promise<Json> {
  const response = await service.app.inject({
    method,
    url,
    payload: options.body === undefined ? undefined : (options.body as object),
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
  });
  return { status: response.statusCode, body: response.body ? response.json() : {} };
}
