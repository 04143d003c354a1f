import type { Migration } from '@marketplace/platform';

/** Disputes as DisputeOpened told them (a projection of orders' events): who the parties of the later steps are. */
export const disputeFactsMigration: Migration = {
  name: '003-dispute-facts',
  async up(knex) {
    await knex.raw(`
      create table dispute_facts (
        id uuid primary key,
        order_id uuid not null,
        opened jsonb not null
      );
    `);
  },
};
