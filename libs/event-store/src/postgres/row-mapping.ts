import type { RecordedEvent } from '../port';

/**
 * The columns every read selects; bigint and xid8 come back as text so nothing loses precision. The text
 * of transaction_id gets its own name so that `ORDER BY transaction_id` still sorts the xid8 column.
 */
export const EVENT_COLUMNS =
  'stream_id, revision, event_id, type, data, metadata, global_position, transaction_id::text AS transaction_id_text, recorded_at';

export interface EventRow {
  stream_id: string;
  revision: string;
  event_id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  global_position: string;
  transaction_id_text: string;
  recorded_at: Date;
}

export function recordedEventFromRow(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: Number(row.revision),
    id: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    position: { commit: BigInt(row.transaction_id_text), prepare: BigInt(row.global_position) },
    recordedAt: row.recorded_at,
  };
}
