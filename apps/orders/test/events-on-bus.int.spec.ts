import { type MarketplaceEvent, parseCloudEvent, TOPICS } from '@marketplace/contracts';
import type { Consumer } from '@marketplace/messaging';
import { describeEachBackend, serviceBusBackends, waitFor } from '@marketplace/testing';
import { randomBytes } from 'node:crypto';
import { confirmedOrder } from './fixtures/checkout-events';
import { OrdersTestApp } from './orders-app';

jest.setTimeout(120_000);

describeEachBackend('orders.order.v1 events on the bus', serviceBusBackends(), (backend) => {
  let app: OrdersTestApp;
  let consumer: Consumer;
  const received: { key: string; event: MarketplaceEvent }[] = [];

  beforeAll(async () => {
    const { kafkaBrokers } = backend();
    app = await OrdersTestApp.start(kafkaBrokers ? { KAFKA_BROKERS: kafkaBrokers.join(',') } : { KAFKA_BROKERS: '' });
    await app.bus.ensureTopics([TOPICS.ordersOrder]);
    consumer = await app.bus.consumer({
      groupId: `orders-events-test-${randomBytes(4).toString('hex')}`,
      topics: [TOPICS.ordersOrder],
      fromBeginning: true,
      // As stored: no upcasting, so the test sees the version that was published.
      onMessage: async (message) => void received.push({ key: message.key, event: parseCloudEvent(message.value, { upcast: 'none' }) }),
    });
  });

  afterAll(async () => {
    await consumer?.stop();
    await app?.close();
  });

  it('publishes an order from its stream through the relay: v2 placement, keyed by order id, valid, private steps left out', async () => {
    const buyer = await app.caller(['buyer']);
    const { productId } = await app.listedProduct();
    const { orderId, paymentId } = await confirmedOrder(app, buyer, [{ productId, quantity: 2 }]);
    await app.call('POST', `/orders/${orderId}/cancel`, { as: buyer });

    const mine = await waitFor(() => {
      const events = received.filter((message) => message.key === orderId);
      return events.length >= 4 ? events : undefined;
    }, { timeoutMs: 60_000, description: 'the order events on the bus' });
    expect(mine.map((message) => message.event.type)).toEqual([
      'marketplace.orders.OrderPlaced.v3',
      'marketplace.orders.OrderPaymentRequested.v2',
      'marketplace.orders.OrderConfirmed.v1',
      'marketplace.orders.OrderCancelled.v2',
    ]);
    const stored = await app.orderEvents(orderId);
    for (const { event } of mine) {
      expect(event).toMatchObject({ source: 'marketplace/orders', subject: orderId, specversion: '1.0' });
      expect(stored.map((recorded) => recorded.id)).toContain(event.id);
    }
    expect(mine[3].event.data).toMatchObject({ reason: 'by_buyer', paymentId });
    expect(mine[3].event.causationid).toBeUndefined();
  });
});
