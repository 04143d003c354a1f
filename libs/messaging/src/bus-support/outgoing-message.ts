import type { OutgoingMessage } from '../port';
import { currentTraceparent } from '../tracing';
import { InvalidMessageError, InvalidTopicError } from './bus-errors';

// Kafka's own rule for topic names; the embedded bus keeps it too so a name works on both.
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

export function assertTopicName(topic: string): void {
  if (typeof topic !== 'string' || !TOPIC_NAME.test(topic)) {
    throw new InvalidTopicError(String(topic), 'use 1 to 249 characters from [a-zA-Z0-9._-]');
  }
}

export interface EncodedMessage {
  topic: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/**
 * Checks what the port promises and serialises the value. A CloudEvent goes as its JSON with the
 * headers every message carries (event type, event id and W3C trace context — the event's own, else the
 * active span's — so that any Kafka client
 * can route and trace without parsing the value) over the caller's own; raw bytes go unchanged with
 * the caller's headers only.
 */
export function encodeMessage(message: OutgoingMessage): EncodedMessage {
  assertTopicName(message.topic);
  const { topic, key, value } = message;
  if (typeof key !== 'string' || key.length === 0) throw new InvalidMessageError(`message for ${topic} has no key`);
  const headers = { ...message.headers };
  if (Buffer.isBuffer(value)) return { topic, key, value, headers };
  if (typeof value !== 'object' || value === null || typeof value.id !== 'string' || typeof value.type !== 'string') {
    throw new InvalidMessageError(`message for ${topic} (key ${key}) carries neither a CloudEvent nor bytes`);
  }
  headers['ce-type'] = value.type;
  headers['ce-id'] = value.id;
  const traceparent = value.traceparent ?? currentTraceparent();
  if (traceparent) headers.traceparent = traceparent;
  return { topic, key, value: Buffer.from(JSON.stringify(value)), headers };
}
