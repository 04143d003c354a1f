import type { TableDefinition } from '@marketplace/projections';

export const PAYMENTS_TABLE = 'payments';

/**
 * One row per payment: the columns that reads and reconciliation filter on, and the payment's whole
 * state (the decider's own fold) as JSON for the views.
 */
export const paymentsTable: TableDefinition = {
  name: PAYMENTS_TABLE,
  ddl: (t) => [
    `CREATE TABLE ${t.sql} (
       id uuid PRIMARY KEY,
       order_id uuid NOT NULL,
       buyer_id uuid,
       status text NOT NULL,
       amount bigint NOT NULL,
       currency text NOT NULL,
       captured bigint NOT NULL DEFAULT 0,
       refunded bigint NOT NULL DEFAULT 0,
       pending_refunds bigint NOT NULL DEFAULT 0,
       provider text NOT NULL,
       provider_payment_id text,
       failure_code text,
       order_cancelled boolean NOT NULL DEFAULT false,
       anomalies integer NOT NULL DEFAULT 0,
       state jsonb NOT NULL,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL
     )`,
    `CREATE INDEX ${t.ident('order_idx')} ON ${t.sql} (order_id)`,
    `CREATE INDEX ${t.ident('buyer_idx')} ON ${t.sql} (buyer_id, created_at DESC)`,
    `CREATE INDEX ${t.ident('created_idx')} ON ${t.sql} (created_at DESC)`,
    // Provider webhooks and statements name a payment by the provider's id.
    `CREATE INDEX ${t.ident('provider_payment_idx')} ON ${t.sql} (provider_payment_id) WHERE provider_payment_id IS NOT NULL`,
    // What reconciliation looks for: open payments and reserved refunds, oldest change first.
    `CREATE INDEX ${t.ident('unsettled_idx')} ON ${t.sql} (updated_at) WHERE status IN ('initiated', 'requires_action') OR pending_refunds > 0`,
  ],
};
