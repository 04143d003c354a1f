import { migrateUnderLock } from '@marketplace/postgres';
import type { Pool } from 'pg';
import type { BusTables } from './bus-tables';

/**
 * Creates the bus's tables if missing. Several processes start at once on one database, so the DDL runs
 * under a transaction-scoped advisory lock keyed by the schema name (CREATE ... IF NOT EXISTS alone
 * races on the catalog).
 */
export function migrateBusSchema(pool: Pool, t: BusTables): Promise<void> {
  return migrateUnderLock(
    pool,
    `marketplace.embedded-bus.${t.schema}`,
    `
      CREATE SCHEMA IF NOT EXISTS "${t.schema}";
      CREATE TABLE IF NOT EXISTS ${t.topics} (
        name        text PRIMARY KEY,
        partitions  integer NOT NULL CHECK (partitions > 0),
        created_at  timestamptz NOT NULL DEFAULT now()
      );
      -- next_offset is bumped in the writer's transaction: the row lock serialises writers per
      -- partition, so offsets have no gaps and become visible in order (a reader never skips one).
      CREATE TABLE IF NOT EXISTS ${t.partitions} (
        topic        text NOT NULL REFERENCES ${t.topics} (name),
        partition    integer NOT NULL,
        next_offset  bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (topic, partition)
      );
      CREATE TABLE IF NOT EXISTS ${t.messages} (
        topic       text NOT NULL,
        partition   integer NOT NULL,
        "offset"    bigint NOT NULL,
        key         text NOT NULL,
        value       bytea NOT NULL,
        headers     jsonb NOT NULL DEFAULT '{}',
        created_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (topic, partition, "offset"),
        FOREIGN KEY (topic, partition) REFERENCES ${t.partitions} (topic, partition)
      );
      CREATE TABLE IF NOT EXISTS ${t.groupMembers} (
        group_id     text NOT NULL,
        member_id    text NOT NULL,
        topics       text[] NOT NULL,
        lease_until  timestamptz NOT NULL,
        PRIMARY KEY (group_id, member_id)
      );
      -- One row per group and partition: the committed offset (next to read) and the member holding
      -- the partition until lease_until; a commit only lands while its writer still holds the row.
      CREATE TABLE IF NOT EXISTS ${t.groupPartitions} (
        group_id          text NOT NULL,
        topic             text NOT NULL,
        partition         integer NOT NULL,
        committed_offset  bigint NOT NULL,
        owner             text,
        lease_until       timestamptz,
        PRIMARY KEY (group_id, topic, partition),
        FOREIGN KEY (topic, partition) REFERENCES ${t.partitions} (topic, partition)
      );
    `,
  );
}
