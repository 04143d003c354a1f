import type { DataInputOf, DataOf } from './define-event';
import type { CloudEventOf, CreateCloudEventInput, DefinitionOf, ParseCloudEventOptions } from './event-catalog';
import { EventCatalog } from './event-catalog';
import type { CloudEvent } from './envelope';
import { eventDefinitions } from './events';
import type { Topic } from './topics';
import { upcasters } from './upcasters';

export type MarketplaceEventDefinition = (typeof eventDefinitions)[number];
export type EventType = MarketplaceEventDefinition['type'];
export type EventData<T extends EventType> = DataOf<DefinitionOf<MarketplaceEventDefinition, T>>;
export type EventDataInput<T extends EventType> = DataInputOf<DefinitionOf<MarketplaceEventDefinition, T>>;
/** A validated marketplace CloudEvent: a union discriminated by `type`, so `switch (event.type)` narrows `data`. */
export type MarketplaceEvent = CloudEventOf<MarketplaceEventDefinition>;
export type MarketplaceEventOf<T extends EventType> = CloudEventOf<DefinitionOf<MarketplaceEventDefinition, T>>;

export const marketplaceEvents = new EventCatalog<MarketplaceEventDefinition>(eventDefinitions, upcasters);

/** type -> { topic, schema, version, description, ... } for every marketplace event type. */
export const eventTypes = marketplaceEvents.registry;

export function topicForType(type: EventType): Topic {
  return marketplaceEvents.topicForType(type);
}

/** Builds a CloudEvent for publishing; throws InvalidEventError if the data does not match its type's schema. */
export function createCloudEvent<T extends EventType>(input: CreateCloudEventInput<T, EventDataInput<T>>): MarketplaceEventOf<T> {
  return marketplaceEvents.create(input);
}

/** Validates a received CloudEvent (object, JSON string or bytes) and its data; throws InvalidEventError. */
export function parseCloudEvent(raw: unknown, options?: ParseCloudEventOptions<EventType>): MarketplaceEvent {
  return marketplaceEvents.parse(raw, options);
}

/** Narrows an event to one or more types: `if (isEventType(event, 'marketplace.orders.OrderPlaced.v1')) event.data.lines`. */
export function isEventType<T extends EventType>(event: CloudEvent, ...types: T[]): event is MarketplaceEventOf<T> {
  return marketplaceEvents.is(event, ...types);
}
