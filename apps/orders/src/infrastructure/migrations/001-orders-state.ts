import { Inbox } from '@marketplace/messaging';
import type { Migration } from '@marketplace/platform';

/**
 * Orders' state tables beside its event store: the price list (a projection of catalog.product.v1), the
 * buyers' carts, the first answer to each idempotent order request, and the inbox of what it consumed.
 */
export const ordersState: Migration = {
  name: '001-orders-state',
  up: async (knex) => {
    await knex.raw(`
      create table price_list (
        product_id uuid primary key,
        seller_id uuid not null,
        title text not null,
        price_amount bigint not null check (price_amount >= 0),
        currency char(3) not null,
        status text not null check (status in ('draft', 'published', 'archived')),
        updated_at timestamptz not null
      );
      create table cart_items (
        buyer_id uuid not null,
        product_id uuid not null,
        quantity integer not null check (quantity > 0),
        price_amount bigint not null check (price_amount >= 0),
        currency char(3) not null,
        added_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (buyer_id, product_id)
      );
      create table order_requests (
        buyer_id uuid not null,
        idempotency_key text not null,
        request_hash text not null,
        order_id uuid not null,
        outcome jsonb,
        created_at timestamptz not null,
        primary key (buyer_id, idempotency_key)
      );
    `);
    const { rows } = await knex.raw<{ rows: { schema: string }[] }>('select current_schema() as schema');
    await new Inbox({ schema: rows[0].schema }).migrate(knex);
  },
};
