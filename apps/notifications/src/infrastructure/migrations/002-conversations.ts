import type { Migration } from '@marketplace/platform';

/**
 * Buyer-seller conversations: what they may be about (projections of catalog's products and orders'
 * orders), the conversations and their messages, presence across instances, and rate-limit windows.
 * A conversation's row is locked to add a message, so `seq` follows commit order within it.
 */
export const conversationsMigration: Migration = {
  name: '002-conversations',
  async up(knex) {
    await knex.raw(`
      create table conversation_products (
        product_id uuid primary key,
        seller_id uuid not null,
        title text not null,
        updated_at timestamptz not null
      );
      create table conversation_orders (
        order_id uuid primary key,
        buyer_id uuid not null,
        seller_ids uuid[] not null
      );
      create table conversations (
        id uuid primary key,
        buyer_id uuid not null,
        seller_id uuid not null,
        subject_type text not null check (subject_type in ('product', 'order')),
        subject_id uuid not null,
        subject_title text not null,
        status text not null check (status in ('open', 'closed')),
        blocked_by uuid[] not null default '{}',
        last_seq bigint not null,
        buyer_read_seq bigint not null default 0,
        seller_read_seq bigint not null default 0,
        opened_at timestamptz not null,
        last_message_at timestamptz not null,
        closed_at timestamptz,
        close_reason text,
        unique (buyer_id, seller_id, subject_type, subject_id)
      );
      create index conversations_of_buyer on conversations (buyer_id, last_message_at desc, id desc);
      create index conversations_of_seller on conversations (seller_id, last_message_at desc, id desc);
      create index conversations_recent on conversations (last_message_at desc, id desc);
      create table conversation_messages (
        id uuid primary key,
        conversation_id uuid not null references conversations (id),
        seq bigint not null,
        sender_id uuid not null,
        body text not null,
        client_message_id text,
        created_at timestamptz not null,
        delivered_at timestamptz,
        read_at timestamptz,
        unique (conversation_id, seq),
        constraint conversation_messages_sender_key unique (sender_id, client_message_id)
      );
      create index conversation_messages_unread on conversation_messages (conversation_id, sender_id) where read_at is null;
      -- An instance that stops refreshing seen_at (it died) no longer makes anyone present.
      create table presence_instances (
        instance_id uuid primary key,
        seen_at timestamptz not null
      );
      create table presence (
        instance_id uuid not null references presence_instances (instance_id) on delete cascade,
        user_id uuid not null,
        connections integer not null check (connections > 0),
        primary key (instance_id, user_id)
      );
      create index presence_by_user on presence (user_id);
      create table rate_windows (
        key text not null,
        window_start timestamptz not null,
        count integer not null,
        primary key (key, window_start)
      );
    `);
  },
};
