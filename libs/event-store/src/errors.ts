import type { ExpectedRevision } from './port';

/** What a stream looked like when an append was refused: its last revision, or no stream at all. */
export type ActualRevision = number | 'no_stream';

export abstract class EventStoreError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Optimistic concurrency: the stream was not in the state the writer expected. Retry after re-reading. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';

  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
  ) {
    super(`Wrong expected revision on stream "${stream}": expected ${String(expected)}, actual ${String(actual)}`);
  }
}

/**
 * Some of the appended event ids are already in the stream, but this is not an exact retry: not all of
 * them, or in another order, or not where the expected revision puts them. An exact retry of an earlier
 * append is a no-op; anything else reusing stored ids is a caller bug.
 */
export class EventIdConflictError extends EventStoreError {
  readonly code = 'EVENT_ID_CONFLICT';

  constructor(
    readonly stream: string,
    readonly existingEventIds: string[],
  ) {
    super(`Append to stream "${stream}" partially repeats events already stored: ${existingEventIds.join(', ')}`);
  }
}

/** The append or read request itself is malformed (bad stream name, event id, revision or payload). */
export class InvalidEventStoreRequestError extends EventStoreError {
  readonly code = 'INVALID_EVENT_STORE_REQUEST';

  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}
