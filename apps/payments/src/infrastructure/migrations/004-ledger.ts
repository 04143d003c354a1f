import { Inbox } from '@marketplace/messaging';
import type { Migration } from '@marketplace/platform';

/**
 * Each product's category, from catalog.product.v1, for per-category commission rates, written with the
 * inbox (payments' first consumer that writes state). Not a projection of payments' log: it is what the
 * ledger knew of catalog when it recorded an order.
 */
export const ledgerProductCategories: Migration = {
  name: '004-ledger',
  async up(knex) {
    await knex.raw(`
      create table ledger_product_categories (
        product_id uuid primary key,
        category_id uuid not null,
        updated_at timestamptz not null
      )
    `);
    const { rows } = await knex.raw<{ rows: { schema: string }[] }>('select current_schema() as schema');
    await new Inbox({ schema: rows[0].schema }).migrate(knex);
  },
};
