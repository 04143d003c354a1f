import type { Clock, IdGenerator } from '@marketplace/kernel';
import type { CloudEvent } from './envelope';
import { createCloudEvent, type EventDataInput, type EventType } from './registry';

/** The event that led to a new one: its id becomes the new event's causation id. */
export interface EventCause {
  eventId: string;
  correlationId?: string;
}

export interface CreateEventOptions {
  /** The time the data states, so that the envelope agrees with it; default the clock's now. */
  at?: Date;
  cause?: EventCause;
}

/**
 * Builds a service's CloudEvents (validated against their schemas): its source, a new id and the time
 * from the injected clock, the subject = the aggregate id. One per service, e.g. `marketplace/catalog`.
 */
export class CloudEventFactory {
  constructor(
    private readonly source: string,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  create<T extends EventType>(type: T, subject: string, data: EventDataInput<T>, options: CreateEventOptions = {}): CloudEvent {
    return createCloudEvent({
      id: this.ids.next(),
      time: (options.at ?? this.clock.now()).toISOString(),
      source: this.source,
      type,
      subject,
      data,
      correlationid: options.cause?.correlationId,
      causationid: options.cause?.eventId,
    });
  }
}
