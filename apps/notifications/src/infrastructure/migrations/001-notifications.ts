import { Inbox, Outbox } from '@marketplace/messaging';
import type { Migration } from '@marketplace/platform';

/**
 * The directory and order facts (projections of identity's and orders' events), events parked until a
 * projection knows what they need, preferences, deliveries (one per event, recipient and channel) and
 * the users' in-app notifications. Tables are unqualified: the service's schema is first on the path.
 */
export const notificationsMigration: Migration = {
  name: '001-notifications',
  async up(knex) {
    await knex.raw(`
      create table users (
        id uuid primary key,
        email text not null,
        display_name text not null,
        phone text,
        locale text not null,
        roles text[] not null,
        active boolean not null,
        updated_at timestamptz not null
      );
      create index users_admins on users (id) where 'admin' = any (roles) and active;
      create table order_facts (
        id uuid primary key,
        buyer_id uuid not null,
        placed jsonb not null
      );
      create table parked_events (
        waiting_for text not null,
        event_id text not null,
        event jsonb not null,
        parked_at timestamptz not null,
        primary key (waiting_for, event_id)
      );
      create table preferences (
        user_id uuid primary key,
        settings jsonb not null,
        updated_at timestamptz not null
      );
      create table deliveries (
        id uuid primary key,
        source_id text not null,
        recipient_id uuid not null,
        channel text not null check (channel in ('email', 'sms', 'in_app')),
        template text not null,
        category text not null check (category in ('transactional', 'marketing', 'security')),
        address text not null,
        subject text not null,
        body_text text not null,
        body_html text,
        status text not null check (status in ('pending', 'sending', 'sent', 'failed')),
        attempts integer not null default 0,
        next_attempt_at timestamptz,
        lease_until timestamptz,
        last_error text,
        attempt_log jsonb not null default '[]',
        created_at timestamptz not null,
        sent_at timestamptz,
        failed_at timestamptz,
        unique (source_id, recipient_id, channel)
      );
      create index deliveries_due on deliveries (next_attempt_at) where status = 'pending';
      create index deliveries_leased on deliveries (lease_until) where status = 'sending';
      create index deliveries_by_status on deliveries (status, created_at desc, id desc);
      -- One head per user: its row lock orders a user's notifications, so seq increases in commit order
      -- and a client resuming after seq n (Last-Event-ID) can miss none.
      create table inbox_heads (
        user_id uuid primary key,
        last_seq bigint not null
      );
      create table inbox_items (
        user_id uuid not null,
        seq bigint not null,
        id uuid not null unique,
        template text not null,
        category text not null,
        title text not null,
        body text not null,
        link text,
        created_at timestamptz not null,
        read_at timestamptz,
        primary key (user_id, seq)
      );
      create index inbox_items_unread on inbox_items (user_id) where read_at is null;
      create index inbox_items_newest on inbox_items (user_id, created_at desc, id desc);
    `);
    const { rows } = await knex.raw<{ rows: Array<{ schema: string }> }>('select current_schema() as schema');
    await new Outbox({ schema: rows[0].schema }).migrate(knex);
    await new Inbox({ schema: rows[0].schema }).migrate(knex);
  },
};
