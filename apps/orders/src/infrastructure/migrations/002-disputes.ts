import type { Migration } from '@marketplace/platform';

/** The first answer to each idempotent dispute request (the disputes' lists are a projection, not a migration). */
export const disputes: Migration = {
  name: '002-disputes',
  up: async (knex) => {
    await knex.raw(`
      create table dispute_requests (
        buyer_id uuid not null,
        idempotency_key text not null,
        request_hash text not null,
        dispute_id uuid not null,
        outcome jsonb,
        created_at timestamptz not null,
        primary key (buyer_id, idempotency_key)
      );
    `);
  },
};
