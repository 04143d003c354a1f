import { randomUUID } from 'node:crypto';
import { createCloudEvent, eventExamples } from '@marketplace/contracts';
import { PostgresEventStore } from '@marketplace/event-store';
import { EventStoreRelay, type MessageBus, Outbox, OutboxRelay, publishByContract, RelayCheckpoints } from '@marketplace/messaging';
import { waitFor } from '@marketplace/testing';
import knex from 'knex';
import { Pool } from 'pg';

const placed = eventExamples['marketplace.orders.OrderPlaced.v3'];
const confirmed = eventExamples['marketplace.orders.OrderConfirmed.v1'];
const product = eventExamples['marketplace.catalog.ProductCreated.v1'];

export interface PublishedHistory {
  /** Two orders, placed on 2025-01-01 and 2025-01-02 (10:00 UTC). */
  orders: [string, string];
  /** Two products, created on 2025-01-01 and 2025-01-02 (12:00 UTC). */
  products: [string, string];
}

/**
 * Orders' event store (each order placed, reserved privately, confirmed; a private checkout stream) and
 * catalog's outbox, published by the real relays onto `bus`.
 */
export async function publishHistory(databaseUrl: string, bus: MessageBus): Promise<PublishedHistory> {
  const history: PublishedHistory = { orders: [randomUUID(), randomUUID()], products: [randomUUID(), randomUUID()] };
  const db = knex({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 4 } });
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const store = new PostgresEventStore({ pool, schema: 'orders' });
  const producer = await bus.producer();
  try {
    await store.migrate();
    for (const [i, orderId] of history.orders.entries()) {
      await store.appendToStream(`order-${orderId}`, [
        { id: randomUUID(), type: 'OrderPlaced', data: { ...placed, orderId } },
        { id: randomUUID(), type: 'OrderStockReserved', data: { orderId } },
        { id: randomUUID(), type: 'OrderConfirmed', data: { ...confirmed, orderId } },
      ], { expectedRevision: 'no_stream' });
      await pool.query(`update orders.events set recorded_at = $2 where stream_id = $1`, [`order-${orderId}`, `2025-01-0${i + 1}T10:00:00Z`]);
    }
    await store.appendToStream(`checkout-${history.orders[0]}`, [{ id: randomUUID(), type: 'OrderPlaced', data: { ...placed, orderId: history.orders[0] } }], { expectedRevision: 'any' });
    const outbox = new Outbox({ schema: 'catalog' });
    await outbox.migrate(db);
    await db.transaction((trx) =>
      outbox.enqueue(trx, history.products.map((productId, i) =>
        createCloudEvent({ id: randomUUID(), time: `2025-01-0${i + 1}T12:00:00.000Z`, source: 'marketplace/catalog', type: 'marketplace.catalog.ProductCreated.v1', subject: productId, data: { ...product, productId } }),
      )),
    );

    const relay = new EventStoreRelay({ name: 'orders', databaseUrl, schema: 'orders', store, producer, source: 'marketplace/orders', map: publishByContract('orders', ['order-', 'dispute-']), lingerMs: 5 });
    await relay.migrate(db);
    const outboxRelay = new OutboxRelay({ databaseUrl, schema: 'catalog', producer, pollIntervalMs: 50 });
    relay.start();
    outboxRelay.start();
    const head = await store.headPosition();
    await waitFor(async () => {
      const client = await pool.connect();
      const checkpoint = await new RelayCheckpoints('orders').load(client, 'orders').finally(() => client.release());
      const { rows } = await pool.query('select count(*)::int as n from catalog.outbox where published_at is null');
      return checkpoint?.prepare === head?.prepare && rows[0].n === 0;
    }, { timeoutMs: 30_000, description: 'both relays to publish the history' });
    await Promise.all([relay.stop(), outboxRelay.stop()]);
    return history;
  } finally {
    await producer.close();
    await store.close();
    await pool.end();
    await db.destroy();
  }
}
