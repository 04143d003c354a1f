import type { Migration } from '@marketplace/platform';

/**
 * Where PayNow answers about each of its transactions: the poll URL its initiation returned, by PayNow's
 * reference (the payment's provider id). Not derived from events: the URL is PayNow's, not a fact of ours.
 */
export const mobileMoney: Migration = {
  name: '003-mobile-money',
  async up(knex) {
    await knex.raw(`
      create table paynow_poll_urls (
        paynow_reference text primary key,
        payment_id uuid not null,
        poll_url text not null,
        created_at timestamptz not null default now()
      )
    `);
  },
};
