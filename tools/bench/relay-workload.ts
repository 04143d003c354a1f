import { randomUUID } from 'node:crypto';
import { eventExamples } from '@marketplace/contracts';
import type { EventStore } from '@marketplace/event-store';
import { publishByContract, type RecordedEventMapper } from '@marketplace/messaging';

/** Events per append: an order's first few events land together, as a checkout's do. */
const EVENTS_PER_APPEND = 10;
const CONCURRENCY = 8;

/**
 * Appends `events` OrderPlaced events (about 1 KB of JSON each) round-robin over `streams` order streams,
 * through the store's own appends. Set-up, not measured.
 */
export async function appendOrders(store: EventStore, events: number, streams: number): Promise<void> {
  const appends = Math.ceil(events / EVENTS_PER_APPEND);
  const orderIds = Array.from({ length: streams }, () => randomUUID());
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < appends; i = next++) {
      const orderId = orderIds[i % streams];
      const count = Math.min(EVENTS_PER_APPEND, events - i * EVENTS_PER_APPEND);
      const batch = Array.from({ length: count }, () => ({
        id: randomUUID(),
        type: 'OrderPlaced',
        data: { ...eventExamples['marketplace.orders.OrderPlaced.v3'], orderId },
      }));
      await store.appendToStream(`order-${orderId}`, batch, { expectedRevision: 'any' });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** The orders service's mapping by contract, onto the run's own topic. */
export function ordersOnto(topic: string): RecordedEventMapper {
  const byContract = publishByContract('orders', ['order-']);
  return (event) => {
    const publishedAs = byContract(event);
    return publishedAs && { ...publishedAs, topic };
  };
}
