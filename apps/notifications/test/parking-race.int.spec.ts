import { createCloudEvent, type EventDataInput, type EventType } from '@marketplace/contracts';
import { randomUUID } from 'node:crypto';
import { EventIntake } from '../src/notifications/application/event-intake';
import { NotificationsTestApp } from './notifications-app';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const event = <T extends EventType>(type: T, subject: string, data: EventDataInput<T>) => createCloudEvent({ id: randomUUID(), type, subject, data, source: 'marketplace/test', time: new Date().toISOString() });

describe('parking while another transaction learns what the event waits for', () => {
  let app: NotificationsTestApp;

  beforeAll(async () => {
    app = await NotificationsTestApp.start();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('never leaves an event parked under an order whose OrderPlaced commits while it is being planned', async () => {
    const intake = app.service.app.get(EventIntake);
    const [orderId, disputeId, buyerId, sellerId, productId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const placed = event('marketplace.orders.OrderPlaced.v3', orderId, {
      orderId,
      buyerId,
      lines: [{ productId, sellerId, title: 'Merino scarf', quantity: 1, unitPrice: eur(4500), lineTotal: eur(4500) }],
      subtotal: eur(4500),
      shipping: eur(0),
      tax: eur(0),
      total: eur(4500),
      shippingAddress: { recipientName: 'Ann', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
      paymentMethod: 'pm_card_visa',
      placedAt: new Date().toISOString(),
    });
    const opened = event('marketplace.orders.DisputeOpened.v1', disputeId, {
      disputeId, orderId, buyerId, paymentId: randomUUID(), kind: 'buyer', lines: [{ productId, sellerId, amount: eur(4500) }], reason: 'damaged', description: 'Torn.', openedAt: new Date().toISOString(),
    });

    // OrderPlaced is written but not committed when the dispute is planned (two partitions at once).
    const learner = await app.db.transaction();
    await intake.take(learner, placed, new Date());
    const waiter = app.db.transaction((trx) => intake.take(trx, opened, new Date()));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await learner.commit();
    await waiter;

    expect(await app.db('parked_events').where({ waiting_for: `order:${orderId}` })).toEqual([]);
    // Planned with the order known: only the users the directory does not know wait.
    expect((await app.db('parked_events').where({ event_id: opened.id })).map((row) => row.waiting_for).sort()).toEqual([`user:${buyerId}`, `user:${sellerId}`].sort());
  });
});
