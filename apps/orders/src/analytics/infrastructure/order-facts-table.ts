import type { TableDefinition } from '@marketplace/projections';

/**
 * One row per order, the finest grain the analytics keep: buckets, currencies and rankings are
 * computed from it at query time, so a new granularity or figure needs no rebuild.
 */
export const orderFactsTable: TableDefinition = {
  name: 'analytics_order_facts',
  ddl: (t) => [
    `CREATE TABLE ${t.sql} (
       order_id uuid PRIMARY KEY,
       buyer_id uuid NOT NULL,
       status text NOT NULL,
       currency char(3) NOT NULL,
       total bigint NOT NULL,
       refunded bigint NOT NULL,
       lines jsonb NOT NULL,
       cancel_reason text,
       placed_at timestamptz NOT NULL,
       confirmed_at timestamptz,
       delivered_at timestamptz,
       cancelled_at timestamptz,
       state jsonb NOT NULL
     )`,
    `CREATE INDEX ${t.ident('placed_idx')} ON ${t.sql} (placed_at)`,
    `CREATE INDEX ${t.ident('confirmed_idx')} ON ${t.sql} (confirmed_at) WHERE confirmed_at IS NOT NULL`,
    `CREATE INDEX ${t.ident('cancelled_idx')} ON ${t.sql} (cancelled_at) WHERE cancelled_at IS NOT NULL`,
  ],
};
