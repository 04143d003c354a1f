import type { Migration } from '@marketplace/platform';

/** Stripe webhook events already handled, by Stripe's event id (unqualified: the service's schema is first on the search path). */
export const stripeWebhookEvents: Migration = {
  name: '001-stripe-webhook-events',
  async up(knex) {
    await knex.raw(`
      create table stripe_webhook_events (
        event_id text primary key,
        type text not null,
        outcome text not null,
        received_at timestamptz not null default now()
      )
    `);
  },
};
