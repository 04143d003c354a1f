import type { Migration } from '@marketplace/platform';

/**
 * When buyers put products in their carts. `cart_items` forgets a product once it is ordered or
 * removed, so the analytics funnel's cart stage counts from this log; it starts with the carts of today.
 */
export const cartAdditions: Migration = {
  name: '003-cart-additions',
  up: async (knex) => {
    await knex.raw(`
      create table cart_additions (
        buyer_id uuid not null,
        product_id uuid not null,
        currency char(3) not null,
        added_at timestamptz not null,
        primary key (buyer_id, added_at, product_id)
      );
      create index cart_additions_added_idx on cart_additions (added_at);
      insert into cart_additions (buyer_id, product_id, currency, added_at)
        select buyer_id, product_id, currency, added_at from cart_items;
    `);
  },
};
