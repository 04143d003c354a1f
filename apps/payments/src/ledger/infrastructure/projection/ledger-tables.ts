import type { TableDefinition } from '@marketplace/projections';

/** Each order's ledger fold (the state the next event about it starts from). */
export const ledgerOrdersTable: TableDefinition = {
  name: 'ledger_orders',
  ddl: (t) => [`CREATE TABLE ${t.sql} (order_id uuid PRIMARY KEY, state jsonb NOT NULL, updated_at timestamptz NOT NULL)`],
};

/** Every entry of every transaction; a seller's are the ones with its id (the marketplace's have none). */
export const ledgerEntriesTable: TableDefinition = {
  name: 'ledger_entries',
  ddl: (t) => [
    `CREATE TABLE ${t.sql} (
       transaction_id uuid NOT NULL,
       entry_no integer NOT NULL,
       kind text NOT NULL,
       seller_id uuid,
       account text NOT NULL,
       currency text NOT NULL,
       amount bigint NOT NULL,
       order_id uuid,
       payout_id uuid,
       at timestamptz NOT NULL,
       PRIMARY KEY (transaction_id, entry_no)
     )`,
    `CREATE INDEX ${t.ident('seller_idx')} ON ${t.sql} (seller_id, currency, at)`,
  ],
};

/**
 * A seller's balance per currency: the sum of its entries by account, written with them. The count of
 * payouts scheduled names the next payout (see the payouts' scheduler).
 */
export const sellerBalancesTable: TableDefinition = {
  name: 'seller_balances',
  ddl: (t) => [
    `CREATE TABLE ${t.sql} (
       seller_id uuid NOT NULL,
       currency text NOT NULL,
       pending bigint NOT NULL DEFAULT 0,
       held bigint NOT NULL DEFAULT 0,
       available bigint NOT NULL DEFAULT 0,
       in_transit bigint NOT NULL DEFAULT 0,
       paid bigint NOT NULL DEFAULT 0,
       payouts_scheduled integer NOT NULL DEFAULT 0,
       PRIMARY KEY (seller_id, currency)
     )`,
    `CREATE INDEX ${t.ident('available_idx')} ON ${t.sql} (available) WHERE available > 0`,
  ],
};
