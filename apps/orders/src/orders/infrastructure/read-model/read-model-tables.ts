import type { TableDefinition } from '@marketplace/projections';

/** One row per order: the lists of buyers and admins, and the durable timers' queries. `state` is the fold. */
export const orderSummariesTable: TableDefinition = {
  name: 'order_summaries',
  ddl: (t) => [
    `CREATE TABLE ${t.sql} (
       order_id uuid PRIMARY KEY,
       buyer_id uuid NOT NULL,
       status text NOT NULL,
       currency char(3) NOT NULL,
       total bigint NOT NULL,
       refunded bigint NOT NULL,
       line_count integer NOT NULL,
       item_count integer NOT NULL,
       seller_ids jsonb NOT NULL,
       payment_id uuid,
       cancel_reason text,
       placed_at timestamptz NOT NULL,
       confirmed_at timestamptz,
       shipped_at timestamptz,
       delivered_at timestamptz,
       cancelled_at timestamptz,
       updated_at timestamptz NOT NULL,
       state jsonb NOT NULL
     )`,
    `CREATE INDEX ${t.ident('buyer_idx')} ON ${t.sql} (buyer_id, placed_at DESC, order_id DESC)`,
    `CREATE INDEX ${t.ident('placed_idx')} ON ${t.sql} (placed_at DESC, order_id DESC)`,
    `CREATE INDEX ${t.ident('status_idx')} ON ${t.sql} (status, placed_at)`,
    `CREATE INDEX ${t.ident('sellers_idx')} ON ${t.sql} USING gin (seller_ids)`,
  ],
};

/** One row per order line: what each seller has to ship, and has shipped. */
export const sellerOrderLinesTable: TableDefinition = {
  name: 'seller_order_lines',
  ddl: (t) => [
    `CREATE TABLE ${t.sql} (
       order_id uuid NOT NULL,
       product_id uuid NOT NULL,
       seller_id uuid NOT NULL,
       title text NOT NULL,
       quantity integer NOT NULL,
       unit_price bigint NOT NULL,
       line_total bigint NOT NULL,
       currency char(3) NOT NULL,
       line_status text NOT NULL,
       order_status text NOT NULL,
       carrier text,
       tracking_number text,
       shipped_at timestamptz,
       placed_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (order_id, product_id)
     )`,
    `CREATE INDEX ${t.ident('seller_idx')} ON ${t.sql} (seller_id, placed_at DESC, order_id DESC)`,
  ],
};
