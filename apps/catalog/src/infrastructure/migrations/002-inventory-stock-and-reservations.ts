import { Inbox, Outbox } from '@marketplace/messaging';
import type { Migration } from '@marketplace/platform';

/**
 * Stock per product (of the catalog's own products: it runs after 001-catalog-products) and
 * reservations per order. The checks are the last line of defence of the no-oversell rule: no row
 * can ever hold more reserved than on hand, nor a negative quantity.
 */
export const inventoryMigration: Migration = {
  name: '002-inventory-stock-and-reservations',
  async up(knex) {
    await knex.raw(`
      create table inventory_items (
        product_id uuid primary key references products (id),
        seller_id uuid not null,
        on_hand integer not null check (on_hand >= 0),
        reserved integer not null default 0 check (reserved >= 0),
        updated_at timestamptz not null,
        check (reserved <= on_hand)
      );
      create table reservations (
        order_id uuid primary key,
        status text not null check (status in ('reserved', 'failed', 'released', 'committed')),
        lines jsonb not null,
        shortages jsonb,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        check ((status = 'failed') = (shortages is not null))
      );
    `);
    const { rows } = await knex.raw<{ rows: { schema: string }[] }>('select current_schema() as schema');
    await new Outbox({ schema: rows[0].schema }).migrate(knex);
    await new Inbox({ schema: rows[0].schema }).migrate(knex);
  },
};
