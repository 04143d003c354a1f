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

-- Indexed by what reads use, and no more: every index is paid on each append. The global position is
-- read in (transaction_id, global_position) order only, so it needs no index of its own.
CREATE TABLE IF NOT EXISTS ${n.events} (
  global_position bigserial NOT NULL,
  stream_id text NOT NULL,
  revision bigint NOT NULL,
  event_id uuid NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}',
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT events_pkey PRIMARY KEY (stream_id, revision),
  CONSTRAINT events_stream_event_id_key UNIQUE (stream_id, event_id)
);

-- Stores made before: the key on the global position goes, (stream_id, revision) becomes the primary key.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = '${n.events}'::regclass AND conname = 'events_stream_revision_key') THEN
    -- An index a constraint owns cannot be promoted, so the key is built anew (once, at the upgrade).
    ALTER TABLE ${n.events} DROP CONSTRAINT events_pkey;
    CREATE UNIQUE INDEX events_stream_revision_idx ON ${n.events} (stream_id, revision);
    ALTER TABLE ${n.events} DROP CONSTRAINT events_stream_revision_key;
    ALTER TABLE ${n.events} ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_stream_revision_idx;
  END IF;
END
$$;

CREATE INDEX IF NOT EXISTS events_transaction_position_idx ON ${n.events} (transaction_id, global_position);

-- What an append that did not go ahead amounts to: the original result when it is an exact retry (every
-- id present, contiguous, in the same order, where the expected revision puts them); ES002 naming the ids
-- when only some are there or elsewhere; no row when none of its ids is in the stream.
CREATE OR REPLACE FUNCTION ${n.retryFunction}(p_stream_id text, p_expected text, p_events jsonb)
RETURNS TABLE (appended boolean, last_revision bigint, last_commit xid8, last_prepare bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_count bigint := jsonb_array_length(p_events);
  v_existing bigint;
  v_first bigint;
  v_existing_ids text;
BEGIN
  SELECT count(*), min(e.revision), string_agg(e.event_id::text, ',' ORDER BY e.revision)
    INTO v_existing, v_first, v_existing_ids
    FROM ${n.events} e
   WHERE e.stream_id = p_stream_id
     AND e.event_id IN (SELECT (x->>'id')::uuid FROM jsonb_array_elements(p_events) x);
  IF v_existing = 0 THEN
    RETURN;
  END IF;
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
END
$fn$;

-- One round trip per append. The stream's row is locked, checked and advanced by one statement, so
-- appenders of one stream queue on it. The happy path reads no event: a retry or a reused id shows up as
-- a failed revision check (looked into then) or as a unique violation on (stream_id, event_id), which the
-- caller looks into with the retry function. Failed checks raise (ES001, ES002) so nothing is written.
CREATE OR REPLACE FUNCTION ${n.appendFunction}(p_stream_id text, p_expected text, p_events jsonb)
RETURNS TABLE (appended boolean, last_revision bigint, last_commit xid8, last_prepare bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_count bigint := jsonb_array_length(p_events);
  v_current bigint;
BEGIN
  LOOP
    IF p_expected = 'no_stream' THEN
      INSERT INTO ${n.streams} AS s (stream_id, revision) VALUES (p_stream_id, v_count - 1)
        ON CONFLICT (stream_id) DO NOTHING RETURNING -1 INTO v_current;
      EXIT;
    ELSIF p_expected IN ('any', 'stream_exists') THEN
      UPDATE ${n.streams} s SET revision = s.revision + v_count WHERE s.stream_id = p_stream_id
        RETURNING s.revision - v_count INTO v_current;
      EXIT WHEN FOUND OR p_expected = 'stream_exists';
      -- A new stream: whoever inserts its row first goes first; the others wait for it, then update it.
      INSERT INTO ${n.streams} AS s (stream_id, revision) VALUES (p_stream_id, v_count - 1)
        ON CONFLICT (stream_id) DO NOTHING RETURNING -1 INTO v_current;
      EXIT WHEN FOUND;
    ELSE
      UPDATE ${n.streams} s SET revision = s.revision + v_count WHERE s.stream_id = p_stream_id AND s.revision = p_expected::bigint
        RETURNING s.revision - v_count INTO v_current;
      EXIT;
    END IF;
  END LOOP;

  IF v_current IS NULL THEN
    RETURN QUERY SELECT * FROM ${n.retryFunction}(p_stream_id, p_expected, p_events);
    IF FOUND THEN
      RETURN;
    END IF;
    SELECT s.revision INTO v_current FROM ${n.streams} s WHERE s.stream_id = p_stream_id;
    RAISE EXCEPTION USING ERRCODE = '${WRONG_EXPECTED_REVISION_SQLSTATE}', MESSAGE = 'wrong expected revision', DETAIL = coalesce(v_current, -1)::text;
  END IF;

  RETURN QUERY
    WITH inserted AS (
      INSERT INTO ${n.events} (stream_id, revision, event_id, type, data, metadata)
      SELECT p_stream_id, v_current + b.ord, (b.x->>'id')::uuid, b.x->>'type', b.x->'data', coalesce(b.x->'metadata', '{}'::jsonb)
        FROM jsonb_array_elements(p_events) WITH ORDINALITY AS b(x, ord)
       ORDER BY b.ord
      RETURNING global_position
    )
    SELECT true, v_current + v_count, pg_current_xact_id(), max(i.global_position) FROM inserted i;
END
$fn$;
`;
}
