import { Inbox, Outbox } from '@marketplace/messaging';
import type { Migration } from '@marketplace/platform';

/** Categories, products, the purchases that open reviews, reviews; the outbox and inbox. Tables are created unqualified (the service's schema is first on the search path). */
export const catalogProducts: Migration = {
  name: '001-catalog-products',
  async up(knex) {
    await knex.raw(`
      create table categories (
        id uuid primary key,
        parent_id uuid references categories (id),
        name text not null,
        slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        -- ids from the root down to this category: subtree = path contains the id
        path uuid[] not null check (path[array_length(path, 1)] = id),
        created_at timestamptz not null,
        updated_at timestamptz not null
      );
      create index categories_path on categories using gin (path);
      create index categories_parent on categories (parent_id);
      create table products (
        id uuid primary key,
        seller_id uuid not null,
        category_id uuid not null references categories (id),
        title text not null,
        description text not null,
        price_amount bigint not null check (price_amount >= 0),
        price_currency char(3) not null,
        attributes jsonb not null,
        image_urls text[] not null,
        status text not null check (status in ('draft', 'published', 'archived')),
        rating_sum integer not null default 0 check (rating_sum >= 0),
        rating_count integer not null default 0 check (rating_count >= 0),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        published_at timestamptz,
        archived_at timestamptz,
        check ((status = 'draft') = (published_at is null)),
        check ((status = 'archived') = (archived_at is not null))
      );
      create index products_published on products (created_at desc, id desc) where status = 'published';
      create index products_by_seller on products (seller_id, created_at desc, id desc);
      create index products_by_category on products (category_id);
      create table delivered_purchases (
        buyer_id uuid not null,
        product_id uuid not null,
        order_id uuid not null,
        delivered_at timestamptz not null,
        primary key (buyer_id, product_id)
      );
      create table reviews (
        id uuid primary key,
        product_id uuid not null references products (id),
        author_id uuid not null,
        rating smallint not null check (rating between 1 and 5),
        body text,
        posted_at timestamptz not null,
        constraint reviews_one_per_author unique (product_id, author_id)
      );
      create index reviews_by_product on reviews (product_id, posted_at desc, id desc);
    `);
    const { rows } = await knex.raw<{ rows: { schema: string }[] }>('select current_schema() as schema');
    await new Outbox({ schema: rows[0].schema }).migrate(knex);
    await new Inbox({ schema: rows[0].schema }).migrate(knex);
  },
};
