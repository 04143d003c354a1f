import { DEAD_LETTER_HEADERS } from '@marketplace/messaging';

const descriptions: Record<keyof typeof DEAD_LETTER_HEADERS, string> = {
  topic: 'Topic the message was consumed from',
  partition: 'Partition it was consumed from',
  offset: 'Offset it had there',
  key: 'Its Kafka key (the aggregate id)',
  group: 'Consumer group that gave up on it',
  errorName: 'Error class, e.g. InvalidEventError for a message that failed its schema',
  errorMessage: 'Error message (truncated to 4,000 characters)',
  errorDetails: 'JSON list of {path, message} when the error names fields (schema failures do); absent otherwise',
  attempts: 'Handler attempts made; 0 when the message was invalid and never reached a handler',
  failedAt: 'When the consumer gave up (ISO 8601 UTC)',
};

export interface HeaderDoc {
  header: string;
  description: string;
  always: boolean;
}

/** The headers a consumer adds when it copies a message to `<topic>.dlq` (see libs/messaging). */
export function deadLetterHeaders(): HeaderDoc[] {
  return (Object.keys(DEAD_LETTER_HEADERS) as (keyof typeof DEAD_LETTER_HEADERS)[]).map((field) => ({
    header: DEAD_LETTER_HEADERS[field],
    description: descriptions[field],
    always: field !== 'errorDetails',
  }));
}
