import { randomUUID } from 'node:crypto';
import { waitFor } from '@marketplace/testing';
import { call } from './catalog-app';
import { inventoryOutbox, type InventoryTestApp, orderCancelled, orderPlaced, startInventory } from './inventory-test-app';

jest.setTimeout(180_000);

const WAIT = { timeoutMs: 120_000, intervalMs: 100 };

/**
 * The no-oversell guarantee end to end: orders arrive on the real bus (Kafka when the run has a
 * broker) at the catalog's consumer, which reserves in PostgreSQL and answers through its outbox.
 */
describe('catalog inventory under concurrent orders', () => {
  let app: InventoryTestApp;

  beforeAll(async () => {
    app = await startInventory();
  });

  afterAll(async () => {
    await app?.close();
  });

  const stock = (productId: string) => app.db(app.table('inventory_items')).where({ product_id: productId }).first('on_hand', 'reserved');
  const statuses = async (orderIds: readonly string[]) =>
    (await app.db(app.table('reservations')).whereIn('order_id', [...orderIds]).select<{ order_id: string; status: string }[]>('order_id', 'status'));
  const typesOf = async (orderIds: readonly string[]) => (await inventoryOutbox(app, orderIds)).map((event) => event.type);
  const count = (types: string[], type: string) => types.filter((t) => t === `marketplace.catalog.${type}.v1`).length;

  it('reserves exactly 10 of 50 orders for 10 units, never goes negative, and 3 cancellations make room for 3 more', async () => {
    const { productId, seller } = await app.product();
    expect(await call(app.catalog, 'PUT', `/products/${productId}/inventory`, { body: { onHand: 10 }, as: seller })).toMatchObject({ status: 200 });

    // Sampled while the orders are handled: reserved may never exceed on hand.
    const samples: { on_hand: number; reserved: number }[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        samples.push(await stock(productId));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    const orders = Array.from({ length: 50 }, () => randomUUID());
    // 50 orders with 50 keys, sent at once: they spread over the partitions and are handled concurrently.
    await Promise.all(orders.map((orderId) => app.publish([orderPlaced(orderId, [{ productId, quantity: 1 }])])));
    await waitFor(async () => (await statuses(orders)).length === 50, { ...WAIT, description: '50 reservation outcomes' });
    sampling = false;
    await sampler;

    const types = await typesOf(orders);
    expect(count(types, 'StockReserved')).toBe(10);
    expect(count(types, 'StockReservationFailed')).toBe(40);
    expect(types).toHaveLength(50);
    expect(await stock(productId)).toEqual({ on_hand: 10, reserved: 10 });
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.every((s) => s.reserved <= s.on_hand && s.reserved >= 0 && s.on_hand >= 0)).toBe(true);
    // And the database itself refuses such a row, whatever writes it.
    await expect(app.db(app.table('inventory_items')).where({ product_id: productId }).update({ reserved: 11 })).rejects.toThrow(/check constraint/);
    await expect(app.db(app.table('inventory_items')).where({ product_id: productId }).update({ reserved: -1 })).rejects.toThrow(/check constraint/);

    const failedEvent = (await inventoryOutbox(app, orders)).find((event) => event.type === 'marketplace.catalog.StockReservationFailed.v1');
    expect(failedEvent?.data).toMatchObject({ shortages: [{ productId, requested: 1, available: 0 }] });

    const reserved = (await statuses(orders)).filter((row) => row.status === 'reserved').map((row) => row.order_id);
    const cancelled = reserved.slice(0, 3);
    await app.publish(cancelled.map(orderCancelled));
    await waitFor(async () => (await statuses(cancelled)).every((row) => row.status === 'released'), { ...WAIT, description: '3 releases' });
    expect(count(await typesOf(cancelled), 'StockReleased')).toBe(3);
    expect(await stock(productId)).toEqual({ on_hand: 10, reserved: 7 });

    const more = Array.from({ length: 5 }, () => randomUUID());
    await Promise.all(more.map((orderId) => app.publish([orderPlaced(orderId, [{ productId, quantity: 1 }])])));
    await waitFor(async () => (await statuses(more)).length === 5, { ...WAIT, description: '5 more outcomes' });
    const moreTypes = await typesOf(more);
    expect(count(moreTypes, 'StockReserved')).toBe(3);
    expect(count(moreTypes, 'StockReservationFailed')).toBe(2);
    expect(await stock(productId)).toEqual({ on_hand: 10, reserved: 10 });
  });
});
