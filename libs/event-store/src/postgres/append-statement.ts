import { DatabaseError } from 'pg';
import { EventIdConflictError, InvalidEventStoreRequestError, WrongExpectedRevisionError } from '../errors';
import type { AppendResult, ExpectedRevision, NewEvent } from '../port';
import { EVENT_ID_CONFLICT_SQLSTATE, WRONG_EXPECTED_REVISION_SQLSTATE } from './schema';
import type { SqlNames } from './sql-names';

export interface AppendQuery {
  /** Prepared once per connection: the append is the store's hottest statement. */
  name: string;
  text: string;
  values: unknown[];
}

/** The unique key a reused event id runs into; the append function leaves that case to retryQuery. */
const EVENT_ID_KEY = 'events_stream_event_id_key';

interface AppendRow {
  appended: boolean;
  last_revision: string;
  last_commit: string;
  last_prepare: string;
}

/** The one statement that appends to a stream (the store runs it on its own; tests may run it inside a held transaction). */
export function appendQuery(names: SqlNames, stream: string, events: NewEvent[], expectedRevision: ExpectedRevision): AppendQuery {
  return resultQuery(names.appendFunction, stream, events, expectedRevision);
}

/** Whether an append failed on an event id already in the stream: an exact retry, or a conflict to name. */
export function isEventIdCollision(error: unknown): boolean {
  return error instanceof DatabaseError && error.code === UNIQUE_VIOLATION && error.constraint === EVENT_ID_KEY;
}

/** Answers an exact retry with the original result (no rows when none of the ids is there); raises ES002 otherwise. */
export function retryQuery(names: SqlNames, stream: string, events: NewEvent[], expectedRevision: ExpectedRevision): AppendQuery {
  return resultQuery(names.retryFunction, stream, events, expectedRevision);
}

function resultQuery(fn: string, stream: string, events: NewEvent[], expectedRevision: ExpectedRevision): AppendQuery {
  return {
    name: fn,
    text: `SELECT appended, last_revision, last_commit::text AS last_commit, last_prepare FROM ${fn}($1, $2, $3::jsonb)`,
    values: [stream, String(expectedRevision), serializeEvents(events)],
  };
}

const UNIQUE_VIOLATION = '23505';

export function appendResultFromRows(rows: AppendRow[]): AppendResult {
  const row = rows[0];
  return {
    nextExpectedRevision: Number(row.last_revision),
    position: { commit: BigInt(row.last_commit), prepare: BigInt(row.last_prepare) },
  };
}

/** Turns the append function's raised conditions into the port's typed errors; anything else passes through. */
export function appendError(error: unknown, stream: string, expectedRevision: ExpectedRevision): unknown {
  if (!(error instanceof DatabaseError)) return error;
  if (error.code === WRONG_EXPECTED_REVISION_SQLSTATE) {
    const actual = Number(error.detail);
    return new WrongExpectedRevisionError(stream, expectedRevision, actual < 0 ? 'no_stream' : actual);
  }
  if (error.code === EVENT_ID_CONFLICT_SQLSTATE) {
    return new EventIdConflictError(stream, (error.detail ?? '').split(',').filter(Boolean));
  }
  return error;
}

export function serializeEvents(events: NewEvent[]): string {
  try {
    return JSON.stringify(events.map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: e.metadata ?? {} })));
  } catch (error) {
    throw new InvalidEventStoreRequestError(`Events must be JSON-serializable: ${(error as Error).message}`, 'events');
  }
}
