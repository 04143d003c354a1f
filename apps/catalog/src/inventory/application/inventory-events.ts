import { createCloudEvent, type CloudEvent, type EventDataInput, type EventType } from '@marketplace/contracts';

type InventoryEventType = Extract<EventType, `marketplace.catalog.Stock${string}`>;

/** Where the event came from, so that the outcome carries the order's correlation and causation. */
export interface EventCause {
  eventId: string;
  correlationId?: string;
}

/** Builds catalog.inventory.v1 CloudEvents (validated against their schemas); ids and time come from the caller. */
export function inventoryEvent<T extends InventoryEventType>(
  type: T,
  subject: string,
  data: EventDataInput<T>,
  meta: { id: string; at: Date; cause?: EventCause },
): CloudEvent {
  return createCloudEvent({
    id: meta.id,
    time: meta.at.toISOString(),
    source: 'marketplace/catalog',
    type,
    subject,
    data,
    correlationid: meta.cause?.correlationId,
    causationid: meta.cause?.eventId,
  });
}
