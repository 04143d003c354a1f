import { randomUUID } from 'node:crypto';
import { createCloudEvent, type MarketplaceEvent, topicForType } from '@marketplace/contracts';
import type { Producer } from '@marketplace/messaging';

const now = () => new Date().toISOString();

/** The users of the run, as identity announces them. */
export function registrations(userIds: readonly string[]): MarketplaceEvent[] {
  return userIds.map((userId) =>
    createCloudEvent({ id: randomUUID(), time: now(), source: 'bench', type: 'marketplace.identity.UserRegistered.v1', subject: userId, data: { userId, email: `${userId}@bench.example`, displayName: 'Bench User', registeredAt: now() } }),
  );
}

/** An OrderDelivered for the buyer: one in-app notification, whose link names the order. */
export function delivered(buyerId: string, orderId: string = randomUUID()): MarketplaceEvent {
  return createCloudEvent({ id: randomUUID(), time: now(), source: 'bench', type: 'marketplace.orders.OrderDelivered.v1', subject: orderId, data: { orderId, buyerId, productIds: [randomUUID()], deliveredAt: now() } });
}

export async function publishAll(producer: Producer, events: readonly MarketplaceEvent[], batch = 1_000): Promise<void> {
  for (let i = 0; i < events.length; i += batch) {
    await producer.send(events.slice(i, i + batch).map((event) => ({ topic: topicForType(event.type), key: event.subject, value: event })));
  }
}
