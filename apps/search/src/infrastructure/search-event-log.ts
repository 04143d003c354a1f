import type { MarketplaceEvent } from '@marketplace/contracts';
import type { EventStore, NewEvent } from '@marketplace/event-store';

/**
 * The stream a catalog event is kept in: per product (its product events and stock settings), per
 * category, and per order for reservations (they are keyed by order id and span several products).
 */
export function streamFor(event: MarketplaceEvent): string {
  switch (event.type) {
    case 'marketplace.catalog.CategoryCreated.v1':
    case 'marketplace.catalog.CategoryRenamed.v1':
    case 'marketplace.catalog.CategoryMoved.v1':
      return `category-${event.subject}`;
    case 'marketplace.catalog.StockAdjusted.v1':
      return `stock-${event.subject}`;
    case 'marketplace.catalog.StockReserved.v1':
    case 'marketplace.catalog.StockReservationFailed.v1':
    case 'marketplace.catalog.StockReleased.v1':
    case 'marketplace.catalog.StockCommitted.v1':
      return `reservation-${event.subject}`;
    default:
      return `product-${event.subject}`;
  }
}

/** A catalog event as search's log keeps it: same id, type and data, the envelope in the metadata. */
export function logEntryOf(event: MarketplaceEvent): NewEvent {
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: {
      source: event.source,
      time: event.time,
      subject: event.subject,
      ...(event.correlationid && { correlationid: event.correlationid }),
      ...(event.causationid && { causationid: event.causationid }),
      ...(event.traceparent && { traceparent: event.traceparent }),
    },
  };
}

/**
 * Keeps one catalog event in search's own log, from which the read model is projected (and rebuilt).
 * The store ignores an event id already in the stream, so a redelivery has no effect.
 */
export async function recordCatalogEvent(store: EventStore, event: MarketplaceEvent): Promise<void> {
  await store.appendToStream(streamFor(event), [logEntryOf(event)], { expectedRevision: 'any' });
}
