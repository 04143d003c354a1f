import type { Migration } from '@marketplace/platform';

/** Product images and their state; a confirmed (processing) image is also the processor's pending job. */
export const productImagesMigration: Migration = {
  name: '003-product-images',
  async up(knex) {
    await knex.raw(`
      create table product_images (
        id uuid primary key,
        product_id uuid not null references products (id),
        status text not null check (status in ('awaiting_upload', 'processing', 'ready', 'rejected')),
        position integer not null check (position >= 0),
        rejection text check ((status = 'rejected') = (rejection is not null)),
        created_at timestamptz not null,
        updated_at timestamptz not null
      );
      create index product_images_by_product on product_images (product_id, position);
      create index product_images_pending on product_images (updated_at) where status = 'processing';
      create index product_images_awaiting on product_images (created_at) where status = 'awaiting_upload';
    `);
  },
};
