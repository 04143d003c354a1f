import { type CloudEvent, parseCloudEvent } from '@marketplace/contracts';
import type { RecordedEvent } from '@marketplace/event-store';
import type { OutgoingMessage } from '../port';

/** Where and as what a stored event is published. */
export interface PublishedAs {
  topic: string;
  /** The CloudEvent type, e.g. `marketplace.orders.OrderPlaced.v1`. */
  type: string;
  /** The aggregate id: CloudEvent subject and message key. */
  subject: string;
  /** The CloudEvent data, when it differs from the stored data. */
  data?: unknown;
}

/** The service's mapping from its stored events to integration events; `undefined` keeps an event private. */
export type RecordedEventMapper = (event: RecordedEvent) => PublishedAs | undefined;

/** Metadata keys copied onto the CloudEvent: they carry the same names as its extension attributes. */
const CARRIED_METADATA = ['correlationid', 'causationid', 'traceparent'] as const;

/** The CloudEvent for a stored event: its id (so redeliveries dedupe in an inbox) and its recording time. */
export function cloudEventFor(event: RecordedEvent, publishedAs: PublishedAs, source: string): CloudEvent {
  const cloudEvent: CloudEvent = {
    id: event.id,
    source,
    type: publishedAs.type,
    specversion: '1.0',
    time: event.recordedAt.toISOString(),
    subject: publishedAs.subject,
    datacontenttype: 'application/json',
    data: publishedAs.data === undefined ? event.data : publishedAs.data,
  };
  for (const key of CARRIED_METADATA) {
    const value = event.metadata[key];
    if (typeof value === 'string') cloudEvent[key] = value;
  }
  return cloudEvent;
}

/**
 * The message a relay sends for a stored event (its CloudEvent validated against its contract, keyed by
 * the aggregate id), or undefined for a private event. Republishing from the history goes through the
 * same function, so a republished message is the one first published.
 */
export function publishedMessage(event: RecordedEvent, map: RecordedEventMapper, source: string): OutgoingMessage | undefined {
  const publishedAs = map(event);
  if (!publishedAs) return undefined;
  const value = parseCloudEvent(cloudEventFor(event, publishedAs, source), { upcast: 'none' });
  return { topic: publishedAs.topic, key: publishedAs.subject, value };
}
