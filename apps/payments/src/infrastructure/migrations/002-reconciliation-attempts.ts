import type { Migration } from '@marketplace/platform';

/**
 * When reconciliation last looked at a payment, and what went wrong if it failed: the least recently
 * tried come first, so a few payments that stay open cannot starve the others. Not part of the read
 * model (it is not derived from events).
 */
export const reconciliationAttempts: Migration = {
  name: '002-reconciliation-attempts',
  async up(knex) {
    await knex.raw(`
      create table reconciliation_attempts (
        payment_id uuid primary key,
        attempted_at timestamptz not null,
        error text
      )
    `);
  },
};
