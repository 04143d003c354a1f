import { randomUUID } from 'node:crypto';
import { Inbox } from '@marketplace/messaging';
import { testInfrastructure, waitFor } from '@marketplace/testing';
import { ReservationsService } from '../src/inventory/application/reservations.service';
import { call, inventoryOutbox, type InventoryTestApp, orderCancelled, orderConfirmed, orderPlaced, startInventory } from './inventory-test-app';

// Kafka group joins take seconds.
jest.setTimeout(120_000);

describe('catalog inventory', () => {
  let app: InventoryTestApp;
  const seller = randomUUID();
  const otherSeller = randomUUID();
  let sellerToken: string;
  let otherSellerToken: string;
  let buyerToken: string;
  let adminToken: string;

  beforeAll(async () => {
    app = await startInventory();
    sellerToken = await app.issuer.sign({ sub: seller, roles: ['buyer', 'seller'] });
    otherSellerToken = await app.issuer.sign({ sub: otherSeller, roles: ['buyer', 'seller'] });
    buyerToken = await app.issuer.sign({ roles: ['buyer'] });
    adminToken = await app.issuer.sign({ roles: ['admin'] });
  });

  afterAll(async () => {
    await app?.close();
  });

  const stock = (productId: string) => app.db('catalog.inventory_items').where({ product_id: productId }).first('on_hand', 'reserved');
  const reservation = (orderId: string) => app.db('catalog.reservations').where({ order_id: orderId }).first('status', 'lines');
  const setStock = (productId: string, onHand: number, token = sellerToken) => call(app.service, 'PUT', `/products/${productId}/inventory`, { body: { onHand }, token });
  const settled = (orderId: string, status: string) =>
    waitFor(async () => (await reservation(orderId))?.status === status, { timeoutMs: 60_000, description: `order ${orderId} ${status}` });

  it('runs on the real bus: Kafka when the run has a broker', () => {
    expect(app.bus.kind).toBe(testInfrastructure().kafkaBrokers ? 'kafka' : 'embedded');
  });

  describe('setting stock', () => {
    it('lets the seller set on hand, shows it to anyone, and publishes StockAdjusted', async () => {
      const productId = randomUUID();
      const put = await setStock(productId, 7);
      expect(put).toEqual({ status: 200, body: { productId, onHand: 7, reserved: 0, available: 7 } });
      expect(await call(app.service, 'GET', `/products/${productId}/inventory`)).toEqual({ status: 200, body: { productId, onHand: 7, reserved: 0, available: 7 } });
      const [adjusted] = await inventoryOutbox(app.db, [productId]);
      expect(adjusted).toMatchObject({ type: 'marketplace.catalog.StockAdjusted.v1', subject: productId, data: { productId, sellerId: seller, onHand: 7, available: 7 } });
    });

    it("refuses another seller and a buyer (403), an anonymous caller (401), and changes nothing", async () => {
      const productId = randomUUID();
      await setStock(productId, 5);
      const other = await setStock(productId, 50, otherSellerToken);
      expect(other).toMatchObject({ status: 403, body: { error: { code: 'not_product_owner' } } });
      expect(await setStock(productId, 50, buyerToken)).toMatchObject({ status: 403 });
      expect(await call(app.service, 'PUT', `/products/${productId}/inventory`, { body: { onHand: 50 } })).toMatchObject({ status: 401 });
      expect(await stock(productId)).toEqual({ on_hand: 5, reserved: 0 });
      expect(await inventoryOutbox(app.db, [productId])).toHaveLength(1);
    });

    it('lets an admin set a known product’s stock, keeping its seller', async () => {
      const productId = randomUUID();
      await setStock(productId, 5);
      expect(await setStock(productId, 9, adminToken)).toMatchObject({ status: 200, body: { onHand: 9 } });
      expect((await inventoryOutbox(app.db, [productId]))[1]).toMatchObject({ data: { sellerId: seller, onHand: 9 } });
      expect(await setStock(randomUUID(), 9, adminToken)).toMatchObject({ status: 404 });
    });

    it('answers bad input with 400 and an unknown product with 404, in the standard format', async () => {
      const productId = randomUUID();
      for (const body of [{ onHand: -1 }, { onHand: 1.5 }, { onHand: '3' }, { onHand: 2_000_000_000 }, {}, { onHand: 1, extra: true }]) {
        const response = await call(app.service, 'PUT', `/products/${productId}/inventory`, { body, token: sellerToken });
        expect(response).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
      }
      expect(await call(app.service, 'PUT', '/products/not-a-uuid/inventory', { body: { onHand: 1 }, token: sellerToken })).toMatchObject({ status: 400 });
      expect(await call(app.service, 'GET', `/products/${productId}/inventory`)).toMatchObject({ status: 404, body: { error: { code: 'inventory_not_found' } } });
      expect(await stock(productId)).toBeUndefined();
    });
  });

  describe('reservations', () => {
    it('reserves once when the same OrderPlaced is delivered twice, or arrives again under another event id', async () => {
      const productId = randomUUID();
      await setStock(productId, 10);
      const orderId = randomUUID();
      const placed = orderPlaced(orderId, [{ productId, quantity: 3 }]);
      await app.publish([placed, placed, orderPlaced(orderId, [{ productId, quantity: 3 }])]);
      await settled(orderId, 'reserved');
      // A later order on the same key is handled only after the three, so it marks their end.
      const marker = orderPlaced(orderId, [{ productId, quantity: 1 }]);
      await app.publish([marker]);
      await waitFor(async () => (await app.db('catalog.inbox').where({ event_id: marker.id }).first()) !== undefined, { timeoutMs: 60_000, description: 'the marker handled' });
      expect(await stock(productId)).toEqual({ on_hand: 10, reserved: 3 });
      const events = await inventoryOutbox(app.db, [orderId]);
      expect(events.map((event) => event.type)).toEqual(['marketplace.catalog.StockReserved.v1']);
      expect(events[0]).toMatchObject({ causationid: placed.id, data: { orderId, lines: [{ productId, quantity: 3, available: 7 }] } });
    });

    it('reserves every line or none, reporting each short line', async () => {
      const [plenty, scarce] = [randomUUID(), randomUUID()];
      await setStock(plenty, 10);
      await setStock(scarce, 1);
      const orderId = randomUUID();
      await app.publish([orderPlaced(orderId, [{ productId: plenty, quantity: 4 }, { productId: scarce, quantity: 2 }])]);
      await settled(orderId, 'failed');
      expect(await stock(plenty)).toEqual({ on_hand: 10, reserved: 0 });
      expect(await stock(scarce)).toEqual({ on_hand: 1, reserved: 0 });
      const [failed] = await inventoryOutbox(app.db, [orderId]);
      expect(failed).toMatchObject({ type: 'marketplace.catalog.StockReservationFailed.v1', data: { orderId, shortages: [{ productId: scarce, requested: 2, available: 1 }] } });
    });

    it('releases on OrderCancelled and commits on OrderConfirmed, once each; settling an unknown or settled order does nothing', async () => {
      const productId = randomUUID();
      await setStock(productId, 10);
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
      const lateEvents = [orderConfirmed(cancelled), orderCancelled(confirmed), orderCancelled(cancelled)];
      await app.publish(lateEvents);
      await waitFor(async () => (await app.db('catalog.inbox').whereIn('event_id', lateEvents.map((e) => e.id))).length === lateEvents.length, { timeoutMs: 60_000, description: 'late events handled' });
      expect(await stock(productId)).toEqual({ on_hand: 7, reserved: 0 });
      expect((await inventoryOutbox(app.db, [cancelled])).map((e) => e.type)).toEqual(['marketplace.catalog.StockReserved.v1', 'marketplace.catalog.StockReleased.v1']);
      const committed = await inventoryOutbox(app.db, [confirmed]);
      expect(committed.map((e) => e.type)).toEqual(['marketplace.catalog.StockReserved.v1', 'marketplace.catalog.StockCommitted.v1']);
      expect(committed[1].data).toMatchObject({ orderId: confirmed, lines: [{ productId, quantity: 3 }] });
      expect(await inventoryOutbox(app.db, [unknown])).toEqual([]);
    });

    it('holds under concurrent transactions: 30 orders for 12 units reserve 12, and 8 deliveries of one order under different ids reserve once', async () => {
      const [productId, other] = [randomUUID(), randomUUID()];
      await setStock(productId, 12);
      await setStock(other, 12);
      const inbox = app.service.app.get(Inbox);
      const reservations = app.service.app.get(ReservationsService);
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

      const third = randomUUID();
      await setStock(third, 5);
      const orderId = randomUUID();
      const again = await Promise.all(Array.from({ length: 8 }, () => reserve(orderId, [{ productId: third, quantity: 2 }])));
      expect(again.map((o) => (o.status === 'handled' ? o.result : o.status)).sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'reserved']);
      expect(await stock(third)).toEqual({ on_hand: 5, reserved: 2 });
      expect(await inventoryOutbox(app.db, [orderId])).toHaveLength(1);
    });

    it('will not let on hand drop below what orders hold (422)', async () => {
      const productId = randomUUID();
      await setStock(productId, 4);
      const orderId = randomUUID();
      await app.publish([orderPlaced(orderId, [{ productId, quantity: 3 }])]);
      await settled(orderId, 'reserved');
      expect(await setStock(productId, 2)).toMatchObject({ status: 422, body: { error: { code: 'on_hand_below_reserved' } } });
      expect(await setStock(productId, 3)).toMatchObject({ status: 200, body: { onHand: 3, reserved: 3, available: 0 } });
    });
  });
});
