import { dlqTopic } from '@marketplace/contracts';
import type { IncomingMessage, OutgoingMessage } from '../port';

/** Headers a dead letter carries besides the original message's own; analysts read them with any client. */
export const DEAD_LETTER_HEADERS = {
  topic: 'dlq-original-topic',
  partition: 'dlq-original-partition',
  offset: 'dlq-original-offset',
  key: 'dlq-original-key',
  group: 'dlq-consumer-group',
  errorName: 'dlq-error-name',
  errorMessage: 'dlq-error-message',
  /** JSON list of `{path, message}` when the error carries them (schema failures do). */
  errorDetails: 'dlq-error-details',
  attempts: 'dlq-attempts',
  failedAt: 'dlq-failed-at',
} as const;

/** Keeps one header well under any broker's message size limit, whatever the error says. */
const MAX_HEADER_CHARS = 4_000;

export interface DeliveryFailure {
  error: unknown;
  group: string;
  /** Handler attempts made; 0 when the message was invalid and never reached the handler. */
  attempts: number;
  failedAt: Date;
}

/** The message for `<topic>.dlq`: the original bytes and key, and headers saying where it came from and why it failed. */
export function deadLetterMessage(message: IncomingMessage, failure: DeliveryFailure): OutgoingMessage {
  const error = describeError(failure.error);
  const headers: Record<string, string> = {
    ...message.headers,
    [DEAD_LETTER_HEADERS.topic]: message.topic,
    [DEAD_LETTER_HEADERS.partition]: String(message.partition),
    [DEAD_LETTER_HEADERS.offset]: message.offset,
    [DEAD_LETTER_HEADERS.key]: message.key,
    [DEAD_LETTER_HEADERS.group]: failure.group,
    [DEAD_LETTER_HEADERS.errorName]: error.name,
    [DEAD_LETTER_HEADERS.errorMessage]: truncate(error.message),
    [DEAD_LETTER_HEADERS.attempts]: String(failure.attempts),
    [DEAD_LETTER_HEADERS.failedAt]: failure.failedAt.toISOString(),
  };
  if (error.details !== undefined) headers[DEAD_LETTER_HEADERS.errorDetails] = truncate(JSON.stringify(error.details));
  return { topic: dlqTopic(message.topic), key: message.key, value: message.value, headers };
}

interface ErrorDescription {
  name: string;
  message: string;
  details?: unknown[];
}

function describeError(error: unknown): ErrorDescription {
  if (!(error instanceof Error)) return { name: 'NonErrorThrown', message: String(error) };
  const details = (error as { details?: unknown }).details;
  return { name: error.name, message: error.message, details: Array.isArray(details) ? details : undefined };
}

function truncate(text: string): string {
  return text.length <= MAX_HEADER_CHARS ? text : `${text.slice(0, MAX_HEADER_CHARS - 1)}…`;
}
