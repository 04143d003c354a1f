import { InvalidEventStoreRequestError } from '../errors';

/** The schema-qualified objects of one event store; the schema name is checked so it can be interpolated. */
export interface SqlNames {
  schema: string;
  events: string;
  streams: string;
  appendFunction: string;
  /** Looks into an append that did not go ahead: an exact retry's original result, or the ids in conflict. */
  retryFunction: string;
  /** LISTEN/NOTIFY channel woken by every append into this schema. */
  channel: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,50}$/;

export function sqlNames(schema: string): SqlNames {
  if (!IDENTIFIER.test(schema)) {
    throw new InvalidEventStoreRequestError(`Schema "${schema}" must be a lower-case SQL identifier`, 'schema');
  }
  return {
    schema: `"${schema}"`,
    events: `"${schema}"."events"`,
    streams: `"${schema}"."streams"`,
    appendFunction: `"${schema}"."append_to_stream"`,
    retryFunction: `"${schema}"."append_retry_result"`,
    channel: `${schema}_events`,
  };
}
