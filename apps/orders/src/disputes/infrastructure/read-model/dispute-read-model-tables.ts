import type { TableDefinition } from '@marketplace/projections';

/** One row per dispute: the lists of buyers, sellers and admins. */
export const disputeSummariesTable: TableDefinition = {
  name: 'dispute_summaries',
  ddl: (t) => [
    `CREATE TABLE ${t.sql} (
       dispute_id uuid PRIMARY KEY,
       order_id uuid NOT NULL,
       buyer_id uuid NOT NULL,
       kind text NOT NULL,
       status text NOT NULL,
       reason text NOT NULL,
       seller_ids jsonb NOT NULL,
       product_ids jsonb NOT NULL,
       disputed_amount bigint NOT NULL,
       currency char(3) NOT NULL,
       responses integer NOT NULL,
       outcome text,
       refund_amount bigint,
       opened_at timestamptz NOT NULL,
       resolved_at timestamptz,
       updated_at timestamptz NOT NULL
     )`,
    `CREATE INDEX ${t.ident('buyer_idx')} ON ${t.sql} (buyer_id, opened_at DESC, dispute_id DESC)`,
    `CREATE INDEX ${t.ident('opened_idx')} ON ${t.sql} (opened_at DESC, dispute_id DESC)`,
    `CREATE INDEX ${t.ident('sellers_idx')} ON ${t.sql} USING gin (seller_ids)`,
  ],
};

/** One row per delivered order: when its dispute window opened and, once it has, when it closed (the durable timer's state). */
export const disputeWindowsTable: TableDefinition = {
  name: 'dispute_windows',
  ddl: (t) => [
    `CREATE TABLE ${t.sql} (
       order_id uuid PRIMARY KEY,
       delivered_at timestamptz NOT NULL,
       closed_at timestamptz
     )`,
    `CREATE INDEX ${t.ident('open_idx')} ON ${t.sql} (delivered_at) WHERE closed_at IS NULL`,
  ],
};
