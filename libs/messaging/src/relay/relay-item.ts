import type { Position, RecordedEvent } from '@marketplace/event-store';
import { encodeMessage, type EncodedMessage } from '../bus-support';
import { publishedMessage, type RecordedEventMapper } from './recorded-event-mapping';

/** A stored event as the relay batches it: where it sits in the log, and its message ready to send (none when private). */
export interface RelayItem {
  position: Position;
  message?: EncodedMessage;
  /** What the message weighs in a produce request: key, value and headers. */
  bytes: number;
}

/**
 * Maps, validates and serialises an event as it is read, so that this work overlaps the batch in flight
 * rather than delaying the next send. The bytes go to the producer as they are, with their headers.
 */
export function relayItem(event: RecordedEvent, map: RecordedEventMapper, source: string): RelayItem {
  const outgoing = publishedMessage(event, map, source);
  if (!outgoing) return { position: event.position, bytes: 0 };
  const message = encodeMessage(outgoing);
  let bytes = Buffer.byteLength(message.key) + message.value.length;
  for (const [name, value] of Object.entries(message.headers)) bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
  return { position: event.position, message, bytes };
}
