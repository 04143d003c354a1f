import { randomUUID } from 'node:crypto';
import { Inbox, MESSAGING_BUS, type MessageBus } from '@marketplace/messaging';
import { testInfrastructure, waitFor } from '@marketplace/testing';
import { ReservationsService } from '../src/inventory/application/reservations.service';
import { type Caller, call, caller } from './catalog-app';
import { inventoryOutbox, type InventoryTestApp, orderCancelled, orderConfirmed, orderPlaced, startInventory } from './inventory-test-app';

// Kafka group joins take seconds.
jest.setTimeout(120_000);

describe('catalog inventory', () => {
  let app: InventoryTestApp;
  let seller: Caller;
  let otherSeller: Caller;
  let buyer: Caller;
  let admin: Caller;

  beforeAll(async () => {
    app = await startInventory();
    [seller, otherSeller, buyer, admin] = await Promise.all([
      caller(app.catalog, ['buyer', 'seller']),
      caller(app.catalog, ['buyer', 'seller']),
      caller(app.catalog, ['buyer']),
      caller(app.catalog, ['admin']),
    ]);
  });

  afterAll(async () => {
    await app?.close();
  });

  const stock = (productId: string) => app.db(app.table('inventory_items')).where({ product_id: productId }).first('on_hand', 'reserved');
  const reservation = (orderId: string) => app.db(app.table('reservations')).where({ order_id: orderId }).first('status');
  const setStock = (productId: string, onHand: number, as: Caller = seller) => call(app.catalog, 'PUT', `/products/${productId}/inventory`, { body: { onHand }, as });
  const listed = async (onHand: number) => {
    const { productId } = await app.product(seller);
    expect(await setStock(productId, onHand)).toMatchObject({ status: 200 });
    return productId;
  };
  const settled = (orderId: string, status: string) =>
    waitFor(async () => (await reservation(orderId))?.status === status, { timeoutMs: 60_000, description: `order ${orderId} ${status}` });
  const handled = (eventIds: string[]) =>
    waitFor(async () => (await app.db(app.table('inbox')).whereIn('event_id', eventIds)).length === eventIds.length, { timeoutMs: 60_000, description: 'events handled' });

  it('runs on the real bus: Kafka when the run has a broker', () => {
    expect(app.catalog.service.app.get<MessageBus>(MESSAGING_BUS).kind).toBe(testInfrastructure().kafkaBrokers ? 'kafka' : 'embedded');
  });

  describe('setting stock', () => {
    it('lets the seller set on hand, shows it to anyone, and publishes StockAdjusted', async () => {
      const { productId } = await app.product(seller);
      expect(await setStock(productId, 7)).toEqual({ status: 200, body: { productId, onHand: 7, reserved: 0, available: 7 } });
      expect(await call(app.catalog, 'GET', `/products/${productId}/inventory`)).toEqual({ status: 200, body: { productId, onHand: 7, reserved: 0, available: 7 } });
      const [adjusted] = await inventoryOutbox(app, [productId]).then((events) => events.filter((e) => e.type === 'marketplace.catalog.StockAdjusted.v1'));
      expect(adjusted).toMatchObject({ subject: productId, data: { productId, sellerId: seller.id, onHand: 7, available: 7 } });
    });

    it("refuses another seller's and a buyer's count (403) and an anonymous one (401), changing nothing", async () => {
      const productId = await listed(5);
      expect(await setStock(productId, 50, otherSeller)).toMatchObject({ status: 403, body: { error: { code: 'not_product_owner' } } });
      expect(await setStock(productId, 50, buyer)).toMatchObject({ status: 403 });
      expect(await call(app.catalog, 'PUT', `/products/${productId}/inventory`, { body: { onHand: 50 } })).toMatchObject({ status: 401 });
      // The first count is the product's seller's too: another seller cannot get in first.
      const { productId: fresh } = await app.product(seller);
      expect(await setStock(fresh, 50, otherSeller)).toMatchObject({ status: 403 });
      expect(await stock(fresh)).toBeUndefined();
      expect(await stock(productId)).toEqual({ on_hand: 5, reserved: 0 });
      expect((await inventoryOutbox(app, [productId])).filter((e) => e.type === 'marketplace.catalog.StockAdjusted.v1')).toHaveLength(1);
    });

    it('lets an admin set the stock of a product, which stays its seller’s', async () => {
      const productId = await listed(5);
      expect(await setStock(productId, 9, admin)).toMatchObject({ status: 200, body: { onHand: 9 } });
      const adjustments = (await inventoryOutbox(app, [productId])).filter((e) => e.type === 'marketplace.catalog.StockAdjusted.v1');
      expect(adjustments[1]).toMatchObject({ data: { sellerId: seller.id, onHand: 9 } });
    });

    it('answers bad input with 400 and an unknown product with 404, in the standard format', async () => {
      const { productId } = await app.product(seller);
      for (const body of [{ onHand: -1 }, { onHand: 1.5 }, { onHand: '3' }, { onHand: 2_000_000_000 }, {}, { onHand: 1, extra: true }]) {
        expect(await call(app.catalog, 'PUT', `/products/${productId}/inventory`, { body, as: seller })).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
      }
      expect(await call(app.catalog, 'PUT', '/products/not-a-uuid/inventory', { body: { onHand: 1 }, as: seller })).toMatchObject({ status: 400 });
      expect(await setStock(randomUUID(), 1)).toMatchObject({ status: 404, body: { error: { code: 'product_not_found' } } });
      expect(await setStock(randomUUID(), 1, admin)).toMatchObject({ status: 404 });
      expect(await call(app.catalog, 'GET', `/products/${randomUUID()}/inventory`)).toMatchObject({ status: 404, body: { error: { code: 'product_not_found' } } });
      // A listed product never counted has nothing on hand.
      expect(await call(app.catalog, 'GET', `/products/${productId}/inventory`)).toEqual({ status: 200, body: { productId, onHand: 0, reserved: 0, available: 0 } });
      expect(await stock(productId)).toBeUndefined();
    });
  });

  describe('reservations', () => {
    it('reserves once when the same OrderPlaced is delivered twice, or arrives again under another event id', async () => {
      const productId = await listed(10);
      const orderId = randomUUID();
      const placed = orderPlaced(orderId, [{ productId, quantity: 3 }]);
      const again = orderPlaced(orderId, [{ productId, quantity: 3 }]);
      await app.publish([placed, placed, again]);
      await settled(orderId, 'reserved');
      await handled([placed.id, again.id]);
      expect(await stock(productId)).toEqual({ on_hand: 10, reserved: 3 });
      const events = await inventoryOutbox(app, [orderId]);
      expect(events.map((event) => event.type)).toEqual(['marketplace.catalog.StockReserved.v1']);
      expect(events[0]).toMatchObject({ causationid: placed.id, data: { orderId, lines: [{ productId, quantity: 3, available: 7 }] } });
    });

    it('reserves every line or none, reporting each short line', async () => {
      const [plenty, scarce] = [await listed(10), await listed(1)];
      const orderId = randomUUID();
      await app.publish([orderPlaced(orderId, [{ productId: plenty, quantity: 4 }, { productId: scarce, quantity: 2 }])]);
      await settled(orderId, 'failed');
      expect(await stock(plenty)).toEqual({ on_hand: 10, reserved: 0 });
      expect(await stock(scarce)).toEqual({ on_hand: 1, reserved: 0 });
      const [failed] = await inventoryOutbox(app, [orderId]);
      expect(failed).toMatchObject({ type: 'marketplace.catalog.StockReservationFailed.v1', data: { orderId, shortages: [{ productId: scarce, requested: 2, available: 1 }] } });
    });

    it('releases on OrderCancelled and commits on OrderConfirmed, once each; restocks a confirmed order cancelled later; settling an unknown or settled order does nothing', async () => {
      const productId = await listed(10);
      const [cancelled, confirmed, unknown] = [randomUUID(), randomUUID(), randomUUID()];
      await app.publish([orderPlaced(cancelled, [{ productId, quantity: 2 }]), orderPlaced(confirmed, [{ productId, quantity: 3 }])]);
      await settled(cancelled, 'reserved');
      await settled(confirmed, 'reserved');
      expect(await stock(productId)).toEqual({ on_hand: 10, reserved: 5 });

      await app.publish([orderCancelled(cancelled), orderConfirmed(confirmed), orderCancelled(unknown), orderConfirmed(unknown)]);
      await settled(cancelled, 'released');
      await settled(confirmed, 'committed');
      expect(await stock(productId)).toEqual({ on_hand: 7, reserved: 0 });

      // Late and repeated settlements: each is a no-op.
      const late = [orderConfirmed(cancelled), orderCancelled(cancelled)];
      await app.publish(late);
      await handled(late.map((event) => event.id));
      expect(await stock(productId)).toEqual({ on_hand: 7, reserved: 0 });
      expect((await inventoryOutbox(app, [cancelled])).map((e) => e.type)).toEqual(['marketplace.catalog.StockReserved.v1', 'marketplace.catalog.StockReleased.v1']);
      const committed = await inventoryOutbox(app, [confirmed]);
      expect(committed.map((e) => e.type)).toEqual(['marketplace.catalog.StockReserved.v1', 'marketplace.catalog.StockCommitted.v1']);
      expect(committed[1].data).toMatchObject({ orderId: confirmed, lines: [{ productId, quantity: 3 }] });

      // A confirmed order cancelled before shipping puts its committed units back on hand, once.
      const restocks = [orderCancelled(confirmed), orderCancelled(confirmed)];
      await app.publish(restocks);
      await handled(restocks.map((event) => event.id));
      expect(await stock(productId)).toEqual({ on_hand: 10, reserved: 0 });
      const restocked = await inventoryOutbox(app, [confirmed]);
      expect(restocked.map((e) => e.type)).toEqual([
        'marketplace.catalog.StockReserved.v1',
        'marketplace.catalog.StockCommitted.v1',
        'marketplace.catalog.StockReleased.v1',
      ]);
      expect(restocked[2].data).toMatchObject({ orderId: confirmed, lines: [{ productId, quantity: 3, available: 10 }] });
      expect(await inventoryOutbox(app, [unknown])).toEqual([]);
    });

    it('holds under concurrent transactions: 30 orders for 12 units reserve 12, and 8 deliveries of one order under different ids reserve once', async () => {
      const [productId, other] = [await listed(12), await listed(12)];
      const inbox = app.catalog.service.app.get(Inbox);
      const reservations = app.catalog.service.app.get(ReservationsService);
      // Straight into the handler's transaction, many at a time on the pool: no bus in between to serialise them.
      const reserve = (orderId: string, lines: { productId: string; quantity: number }[]) => {
        const eventId = randomUUID();
        return inbox.handleOnce(app.db, { group: 'catalog/inventory', eventId }, (trx) => reservations.reserve(trx, orderId, lines, { eventId }));
      };
      // Orders of both products in both line orders, so that lock order matters.
      const outcomes = await Promise.all(
        Array.from({ length: 30 }, (_, i) => reserve(randomUUID(), i % 2 ? [{ productId, quantity: 1 }, { productId: other, quantity: 1 }] : [{ productId: other, quantity: 1 }, { productId, quantity: 1 }])),
      );
      expect(outcomes.filter((o) => o.status === 'handled' && o.result === 'reserved')).toHaveLength(12);
      expect(outcomes.filter((o) => o.status === 'handled' && o.result === 'failed')).toHaveLength(18);
      expect(await stock(productId)).toEqual({ on_hand: 12, reserved: 12 });
      expect(await stock(other)).toEqual({ on_hand: 12, reserved: 12 });

      const third = await listed(5);
      const orderId = randomUUID();
      const again = await Promise.all(Array.from({ length: 8 }, () => reserve(orderId, [{ productId: third, quantity: 2 }])));
      expect(again.map((o) => (o.status === 'handled' ? o.result : o.status)).sort()).toEqual([...Array(7).fill('duplicate'), 'reserved']);
      expect(await stock(third)).toEqual({ on_hand: 5, reserved: 2 });
      expect(await inventoryOutbox(app, [orderId])).toHaveLength(1);
    });

    it('will not let on hand drop below what orders hold (422)', async () => {
      const productId = await listed(4);
      const orderId = randomUUID();
      await app.publish([orderPlaced(orderId, [{ productId, quantity: 3 }])]);
      await settled(orderId, 'reserved');
      expect(await setStock(productId, 2)).toMatchObject({ status: 422, body: { error: { code: 'on_hand_below_reserved' } } });
      expect(await setStock(productId, 3)).toMatchObject({ status: 200, body: { onHand: 3, reserved: 3, available: 0 } });
    });
  });
});
