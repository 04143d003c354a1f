import type { Migration } from '@marketplace/platform';
import { Outbox } from '@marketplace/messaging';
import { userProfileMigration } from './migration-002-user-profile';
import { mfaMigration } from './migration-003-mfa';
import { oidcMigration } from './migration-004-oidc';

/** The identity schema. Tables are created unqualified: the service's pool has its own schema first on the search path. */
export const identityMigrations: Migration[] = [
  {
    name: '001-identity-accounts',
    async up(knex) {
      await knex.raw(`
        create table users (
          id uuid primary key,
          email text not null unique,
          name text not null,
          password_hash text not null,
          roles text[] not null default '{buyer}',
          email_verified_at timestamptz,
          deactivated_at timestamptz,
          created_at timestamptz not null
        );
        create table refresh_tokens (
          id uuid primary key,
          family_id uuid not null,
          user_id uuid not null references users (id),
          token_hash bytea not null unique,
          expires_at timestamptz not null,
          rotated_at timestamptz,
          revoked_at timestamptz,
          created_at timestamptz not null
        );
        create index refresh_tokens_family on refresh_tokens (family_id);
        create index refresh_tokens_user on refresh_tokens (user_id) where revoked_at is null;
        create table one_time_tokens (
          id uuid primary key,
          user_id uuid not null references users (id),
          purpose text not null check (purpose in ('email_verification', 'password_reset')),
          token_hash bytea not null unique,
          expires_at timestamptz not null,
          used_at timestamptz,
          created_at timestamptz not null
        );
        create table login_failures (
          id bigint generated always as identity primary key,
          scope text not null check (scope in ('account', 'ip')),
          key text not null,
          failed_at timestamptz not null
        );
        create index login_failures_by_key on login_failures (scope, key, failed_at);
        create index login_failures_by_age on login_failures (failed_at);
        create table seller_applications (
          id uuid primary key,
          user_id uuid not null references users (id),
          business_name text not null,
          contact jsonb not null,
          country char(2) not null,
          status text not null check (status in ('submitted', 'approved', 'rejected')),
          reason text,
          decided_by uuid,
          submitted_at timestamptz not null,
          decided_at timestamptz,
          check ((status = 'submitted') = (decided_by is null and decided_at is null)),
          check ((status = 'rejected') = (reason is not null))
        );
        create unique index seller_applications_one_open on seller_applications (user_id) where status = 'submitted';
        create index seller_applications_by_status on seller_applications (status, submitted_at, id);
        -- Keys generated in development mode (no JWT_PRIVATE_KEYS / DELIVERY_SEAL_KEY set), kept so that restarts reuse them.
        create table generated_keys (
          name text primary key,
          value jsonb not null,
          created_at timestamptz not null default now()
        );
      `);
      const { rows } = await knex.raw<{ rows: { schema: string }[] }>('select current_schema() as schema');
      await new Outbox({ schema: rows[0].schema }).migrate(knex);
    },
  },
  userProfileMigration,
  mfaMigration,
  oidcMigration,
];
