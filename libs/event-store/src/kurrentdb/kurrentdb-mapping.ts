import {
  ANY,
  type AllStreamResolvedEvent,
  type AppendStreamState,
  type CurrentStreamState,
  type JSONType,
  NO_STREAM,
  type ResolvedEvent,
  STREAM_EXISTS,
  jsonEvent,
} from '@kurrent/kurrentdb-client';
import type { ActualRevision } from '../errors';
import type { ExpectedRevision, NewEvent, RecordedEvent } from '../port';

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

export function toActualRevision(state: CurrentStreamState): ActualRevision {
  return state === NO_STREAM ? 'no_stream' : Number(state);
}

export function toEventData(event: NewEvent) {
  // Any JSON value is stored; the client's JSONType is narrower than what it serializes.
  return jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: event.metadata ?? {} });
}

/** Maps a resolved event (link events are not used by this store) to the port's shape; undefined for non-JSON or positionless records. */
export function fromResolvedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson || !event.position) return undefined;
  return {
    streamId: event.streamId,
    revision: Number(event.revision),
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: isRecord(event.metadata) ? event.metadata : {},
    position: { commit: event.position.commit, prepare: event.position.prepare },
    recordedAt: event.created,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
