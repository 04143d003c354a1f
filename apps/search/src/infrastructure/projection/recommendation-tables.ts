import type { TableDefinition } from '@marketplace/projections';

export const TRACKED_ORDERS_TABLE = 'recommendation_orders';
export const CO_PURCHASES_TABLE = 'co_purchases';
export const PRODUCT_SALES_TABLE = 'product_sales';

/** Orders placed and not cancelled: their distinct products, and the day they were confirmed (if they were). */
export const trackedOrdersTable: TableDefinition = {
  name: TRACKED_ORDERS_TABLE,
  ddl: (t) => [
    `CREATE TABLE ${t.sql} (
       order_id uuid PRIMARY KEY,
       products jsonb NOT NULL,
       status text NOT NULL,
       confirmed_day date
     )`,
  ],
};

/** A table counting confirmed orders per product and `key`; the projection adds to it by that key. */
export interface OrderCountsTable extends TableDefinition {
  key: string;
  keyType: 'uuid' | 'date';
}

function orderCountsTable(name: string, key: string, keyType: 'uuid' | 'date', indexKey = false): OrderCountsTable {
  return {
    name,
    key,
    keyType,
    ddl: (t) => [
      `CREATE TABLE ${t.sql} (product_id uuid NOT NULL, ${key} ${keyType} NOT NULL, orders integer NOT NULL, PRIMARY KEY (product_id, ${key}))`,
      ...(indexKey ? [`CREATE INDEX ${t.ident(`${key}_idx`)} ON ${t.sql} (${key}, product_id)`] : []),
    ],
  };
}

/** For each product, how many confirmed orders also held each other product (both directions stored). */
export const coPurchasesTable = orderCountsTable(CO_PURCHASES_TABLE, 'other_id', 'uuid');

/** Confirmed orders holding each product, per UTC day of confirmation (read by day for popularity). */
export const productSalesTable = orderCountsTable(PRODUCT_SALES_TABLE, 'day', 'date', true);
