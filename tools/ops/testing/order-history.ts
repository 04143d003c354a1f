import { randomUUID } from 'node:crypto';
import type { EventStore } from '@marketplace/event-store';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** An order as orders records it: OrderPlaced, then OrderConfirmed one minute later. */
export async function appendOrder(store: EventStore, placedAt: Date): Promise<string> {
  const orderId = randomUUID();
  const buyerId = randomUUID();
  const line = { productId: randomUUID(), sellerId: randomUUID(), title: 'Merino scarf', quantity: 2, unitPrice: eur(4500), lineTotal: eur(9000) };
  const placed = {
    orderId,
    buyerId,
    lines: [line],
    subtotal: eur(9000),
    shipping: eur(0),
    tax: eur(0),
    total: eur(9000),
    shippingAddress: { recipientName: 'Ada Lovelace', line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
    paymentMethod: 'pm_card_visa',
    placedAt: placedAt.toISOString(),
  };
  const confirmed = { orderId, buyerId, paymentId: randomUUID(), confirmedAt: new Date(placedAt.getTime() + 60_000).toISOString() };
  await store.appendToStream(
    `order-${orderId}`,
    [
      { id: randomUUID(), type: 'OrderPlaced', data: placed },
      { id: randomUUID(), type: 'OrderConfirmed', data: confirmed },
    ],
    { expectedRevision: 'no_stream' },
  );
  return orderId;
}
