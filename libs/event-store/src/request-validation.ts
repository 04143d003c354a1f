import { InvalidEventStoreRequestError } from './errors';
import type { ExpectedRevision, NewEvent, ReadStreamOptions } from './port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks an append before it reaches an adapter, so that every adapter refuses bad input the same way. */
export function validateAppend(stream: string, events: NewEvent[], expectedRevision: ExpectedRevision): void {
  validateStreamName(stream);
  validateExpectedRevision(expectedRevision);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidEventStoreRequestError('An append needs at least one event', 'events');
  }
  const seen = new Set<string>();
  events.forEach((event, index) => {
    const field = `events[${index}]`;
    if (typeof event?.id !== 'string' || !UUID.test(event.id)) {
      throw new InvalidEventStoreRequestError(`${field}.id must be a UUID`, `${field}.id`);
    }
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new InvalidEventStoreRequestError(`${field}.id repeats an id of the same append`, `${field}.id`);
    seen.add(id);
    if (typeof event.type !== 'string' || event.type.length === 0) {
      throw new InvalidEventStoreRequestError(`${field}.type must be a non-empty string`, `${field}.type`);
    }
    if (event.data === undefined) throw new InvalidEventStoreRequestError(`${field}.data is missing`, `${field}.data`);
    if (event.metadata !== undefined && (typeof event.metadata !== 'object' || event.metadata === null || Array.isArray(event.metadata))) {
      throw new InvalidEventStoreRequestError(`${field}.metadata must be an object`, `${field}.metadata`);
    }
  });
}

export function validateStreamName(stream: string): void {
  if (typeof stream !== 'string' || stream.length === 0 || stream.startsWith('$')) {
    throw new InvalidEventStoreRequestError('A stream name must be a non-empty string not starting with "$"', 'stream');
  }
}

export function validateReadStream(stream: string, options: ReadStreamOptions): void {
  validateStreamName(stream);
  if (options.from !== undefined && !isRevision(options.from)) {
    throw new InvalidEventStoreRequestError('from must be a non-negative integer', 'from');
  }
  if (options.maxCount !== undefined && !isRevision(options.maxCount)) {
    throw new InvalidEventStoreRequestError('maxCount must be a non-negative integer', 'maxCount');
  }
  if (options.direction !== undefined && options.direction !== 'forwards' && options.direction !== 'backwards') {
    throw new InvalidEventStoreRequestError('direction must be "forwards" or "backwards"', 'direction');
  }
}

export function validateMaxCount(maxCount: number | undefined): void {
  if (maxCount !== undefined && !isRevision(maxCount)) {
    throw new InvalidEventStoreRequestError('maxCount must be a non-negative integer', 'maxCount');
  }
}

function validateExpectedRevision(expected: ExpectedRevision): void {
  if (expected === 'no_stream' || expected === 'stream_exists' || expected === 'any' || isRevision(expected)) return;
  throw new InvalidEventStoreRequestError(
    'expectedRevision must be a non-negative integer, "no_stream", "stream_exists" or "any"',
    'expectedRevision',
  );
}

function isRevision(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
