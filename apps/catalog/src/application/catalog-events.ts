import { type CloudEvent, createCloudEvent, type EventDataInput, type EventType } from '@marketplace/contracts';
import type { Clock, IdGenerator } from '../domain/clock';

type CatalogEventType = Extract<EventType, `marketplace.catalog.${string}`>;

/** Builds catalog CloudEvents (validated against their schemas) with the subject = the aggregate id. */
export class CatalogEvents {
  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  create<T extends CatalogEventType>(type: T, subject: string, data: EventDataInput<T>): CloudEvent {
    return createCloudEvent({ id: this.ids.next(), time: this.clock.now().toISOString(), source: 'marketplace/catalog', type, subject, data });
  }
}
