import { migrateUnderLock } from '@marketplace/postgres';
import type { Pool } from 'pg';
import type { SqlNames } from './sql-names';

/** Raised by the append function; mapped to typed errors in append-statement.ts. */
export const WRONG_EXPECTED_REVISION_SQLSTATE = 'ES001';
export const EVENT_ID_CONFLICT_SQLSTATE = 'ES002';

/**
 * Creates the store's schema, tables and append function if missing. Idempotent; concurrent starters
 * take turns on an advisory lock.
 */
export function migrateEventStore(pool: Pool, names: SqlNames): Promise<void> {
  return migrateUnderLock(pool, `marketplace.event-store.${names.schema}`, schemaSql(names));
}

function schemaSql(n: SqlNames): string {
  return `
CREATE SCHEMA IF NOT EXISTS ${n.schema};

CREATE TABLE IF NOT EXISTS ${n.streams} (
  stream_id text PRIMARY KEY,
  revision bigint NOT NULL
);

CREATE TABLE IF NOT EXISTS ${n.events} (
  global_position bigserial PRIMARY KEY,
  stream_id text NOT NULL,
  revision bigint NOT NULL,
  event_id uuid NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}',
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT events_stream_revision_key UNIQUE (stream_id, revision),
  CONSTRAINT events_stream_event_id_key UNIQUE (stream_id, event_id)
);

CREATE INDEX IF NOT EXISTS events_transaction_position_idx ON ${n.events} (transaction_id, global_position);

-- One round trip per append. Appenders of one stream queue on its row in streams; a failed check raises
-- (ES001 wrong expected revision, ES002 event id conflict) so the whole append rolls back.
CREATE OR REPLACE FUNCTION ${n.appendFunction}(p_stream_id text, p_expected text, p_events jsonb)
RETURNS TABLE (appended boolean, last_revision bigint, last_commit xid8, last_prepare bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_count bigint := jsonb_array_length(p_events);
  v_current bigint;
  v_existing bigint;
  v_first bigint;
  v_existing_ids text;
BEGIN
  LOOP
    SELECT s.revision INTO v_current FROM ${n.streams} s WHERE s.stream_id = p_stream_id FOR UPDATE;
    EXIT WHEN FOUND;
    -- A new stream: whoever inserts its row first goes first; the others wait for it, then lock the row.
    INSERT INTO ${n.streams} (stream_id, revision) VALUES (p_stream_id, -1) ON CONFLICT (stream_id) DO NOTHING;
    IF FOUND THEN
      v_current := -1;
      EXIT;
    END IF;
  END LOOP;

  SELECT count(*), min(e.revision), string_agg(e.event_id::text, ',' ORDER BY e.revision)
    INTO v_existing, v_first, v_existing_ids
    FROM ${n.events} e
   WHERE e.stream_id = p_stream_id
     AND e.event_id IN (SELECT (x->>'id')::uuid FROM jsonb_array_elements(p_events) x);

  IF v_existing > 0 THEN
    -- An exact retry (every id present, contiguous, in the same order, where the expected revision puts
    -- them) is answered with the original result.
    IF v_existing = v_count
       AND v_first = (CASE p_expected WHEN 'any' THEN v_first WHEN 'stream_exists' THEN v_first WHEN 'no_stream' THEN 0
                      ELSE p_expected::bigint + 1 END)
       AND NOT EXISTS (
      SELECT 1
        FROM jsonb_array_elements(p_events) WITH ORDINALITY AS b(x, ord)
        JOIN ${n.events} e ON e.stream_id = p_stream_id AND e.event_id = (b.x->>'id')::uuid
       WHERE e.revision <> v_first + b.ord - 1
    ) THEN
      RETURN QUERY
        SELECT false, e.revision, e.transaction_id, e.global_position
          FROM ${n.events} e
         WHERE e.stream_id = p_stream_id AND e.revision = v_first + v_count - 1;
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = '${EVENT_ID_CONFLICT_SQLSTATE}', MESSAGE = 'event id conflict', DETAIL = v_existing_ids;
  END IF;

  -- (Parenthesised: an IF condition ends at the first bare THEN.)
  IF (CASE p_expected
        WHEN 'any' THEN false
        WHEN 'no_stream' THEN v_current <> -1
        WHEN 'stream_exists' THEN v_current = -1
        ELSE p_expected::bigint <> v_current
      END) THEN
    RAISE EXCEPTION USING ERRCODE = '${WRONG_EXPECTED_REVISION_SQLSTATE}', MESSAGE = 'wrong expected revision', DETAIL = v_current::text;
  END IF;

  INSERT INTO ${n.events} (stream_id, revision, event_id, type, data, metadata)
  SELECT p_stream_id, v_current + b.ord, (b.x->>'id')::uuid, b.x->>'type', b.x->'data', coalesce(b.x->'metadata', '{}'::jsonb)
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS b(x, ord)
   ORDER BY b.ord;

  UPDATE ${n.streams} SET revision = v_current + v_count WHERE stream_id = p_stream_id;

  RETURN QUERY
    SELECT true, v_current + v_count, pg_current_xact_id(), currval(pg_get_serial_sequence('${n.events}', 'global_position'));
END
$fn$;
`;
}
