import type { IncomingMessage, OutgoingMessage } from '../port';
import { DEAD_LETTER_HEADERS } from './dead-letter';

/** A message read back from `<topic>.dlq`: the original message, where it came from and why it failed. */
export interface DeadLetter {
  /** Where the letter itself sits: its dead-letter topic, partition and offset. */
  topic: string;
  partition: number;
  offset: string;
  originalTopic: string;
  key: string;
  group?: string;
  eventType?: string;
  eventId?: string;
  error: { name: string; message: string; details?: unknown };
  attempts?: number;
  failedAt?: string;
  /** The original bytes, which may not even be valid JSON. */
  value: Buffer;
  /** The original message's own headers, without the dead-letter ones. */
  headers: Record<string, string>;
}

const OWN_HEADERS = new Set<string>(Object.values(DEAD_LETTER_HEADERS));
const DLQ_SUFFIX = '.dlq';

/** Reads what `deadLetterMessage` wrote; a letter another writer left without those headers still reads. */
export function readDeadLetter(message: IncomingMessage): DeadLetter {
  const h = message.headers;
  const headers = Object.fromEntries(Object.entries(h).filter(([name]) => !OWN_HEADERS.has(name)));
  const attempts = Number(h[DEAD_LETTER_HEADERS.attempts]);
  return {
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    originalTopic: h[DEAD_LETTER_HEADERS.topic] ?? message.topic.replace(/\.dlq$/, ''),
    key: h[DEAD_LETTER_HEADERS.key] ?? message.key,
    group: h[DEAD_LETTER_HEADERS.group],
    eventType: headers['ce-type'],
    eventId: headers['ce-id'],
    error: { name: h[DEAD_LETTER_HEADERS.errorName] ?? 'unknown', message: h[DEAD_LETTER_HEADERS.errorMessage] ?? '', details: parseDetails(h[DEAD_LETTER_HEADERS.errorDetails]) },
    attempts: Number.isInteger(attempts) && h[DEAD_LETTER_HEADERS.attempts] !== undefined ? attempts : undefined,
    failedAt: h[DEAD_LETTER_HEADERS.failedAt],
    value: message.value,
    headers,
  };
}

/** True for a dead-letter topic's name (`<topic>.dlq`). */
export function isDeadLetterTopic(topic: string): boolean {
  return topic.endsWith(DLQ_SUFFIX) && topic.length > DLQ_SUFFIX.length;
}

/** The letter sent again to its original topic: same key (so the same partition), bytes and headers. */
export function redeliveryOf(letter: DeadLetter): OutgoingMessage {
  return { topic: letter.originalTopic, key: letter.key, value: letter.value, headers: letter.headers };
}

function parseDetails(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Truncated to the header limit: shown as written.
    return text;
  }
}
