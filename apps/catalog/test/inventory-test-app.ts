import { randomBytes, randomUUID } from 'node:crypto';
import { type CloudEvent, createCloudEvent, TOPICS } from '@marketplace/contracts';
import type { Producer } from '@marketplace/messaging';
import { schemaFor } from '@marketplace/platform';
import { testInfrastructure } from '@marketplace/testing';
import type { Knex } from 'knex';
import { type CatalogTestApp, caller, type Caller, createCategory, createProduct, startCatalog } from './catalog-app';

export interface InventoryTestApp {
  catalog: CatalogTestApp;
  db: Knex;
  /** A table of this app's schema, e.g. `table('inventory_items')`. */
  table(name: string): string;
  /** Publishes on orders.order.v1 as the orders service would. */
  publish(events: CloudEvent[]): Promise<void>;
  /** A listed product of a new seller (or of `seller`), with its seller. */
  product(seller?: Caller): Promise<{ productId: string; seller: Caller }>;
  close(): Promise<void>;
}

/**
 * The whole catalog service in-process, on the real bus: Kafka when the run has a broker, else the
 * embedded bus. A service name of its own gives it its own schema and, on a Kafka broker that other
 * runs share, its own consumer group.
 */
export async function startInventory(): Promise<InventoryTestApp> {
  const kafkaBrokers = testInfrastructure().kafkaBrokers;
  const serviceName = `catalog-inventory-${randomBytes(3).toString('hex')}`;
  const catalog = await startCatalog({ SERVICE_NAME: serviceName, ...(kafkaBrokers ? { KAFKA_BROKERS: kafkaBrokers.join(',') } : {}) });
  const schema = schemaFor(serviceName);
  const admin = await caller(catalog, ['admin']);
  const categoryId = await createCategory(catalog, admin, 'Stocked goods');
  await catalog.bus.ensureTopics([TOPICS.ordersOrder]);
  let producer: Producer | undefined;
  return {
    catalog,
    db: catalog.db,
    table: (name) => `${schema}.${name}`,
    publish: async (events) => {
      producer ??= await catalog.bus.producer();
      await producer.send(events.map((value) => ({ topic: TOPICS.ordersOrder, key: value.subject, value })));
    },
    product: async (seller) => {
      const owner = seller ?? (await caller(catalog, ['buyer', 'seller']));
      return { productId: await createProduct(catalog, owner, categoryId), seller: owner };
    },
    close: async () => {
      await producer?.close();
      await catalog.close();
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
  const subtotal = orderLines.reduce((sum, line) => sum + line.lineTotal.amount, 0);
  return createCloudEvent({
    id: eventId,
    time: at(new Date()),
    source: 'marketplace/orders',
    type: 'marketplace.orders.OrderPlaced.v3',
    subject: orderId,
    data: {
      orderId,
      buyerId: randomUUID(),
      lines: orderLines,
      subtotal: { amount: subtotal, currency: 'EUR' },
      shipping: { amount: 0, currency: 'EUR' },
      tax: { amount: 0, currency: 'EUR' },
      total: { amount: subtotal, currency: 'EUR' },
      shippingAddress: { recipientName: 'Ada Lovelace', line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
      paymentMethod: 'pm_card_visa',
      placedAt: at(new Date()),
    },
  });
}

/** An OrderCancelled as a v1 producer sent it: the catalog reads it upcast to v2. */
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
export async function inventoryOutbox(app: InventoryTestApp, subjects: readonly string[]): Promise<CloudEvent[]> {
  const rows = await app.db(app.table('outbox')).whereIn('key', [...subjects]).orderBy('id').select<{ event: CloudEvent }[]>('event');
  return rows.map((row) => row.event);
}
