import type { Migration } from '@marketplace/platform';

/**
 * Second factors: one TOTP secret per user (sealed with the MFA key; pending until confirmed) with the
 * last time step used, so a code works once; recovery codes as SHA-256; and the login challenges as
 * one-time tokens of their own purposes.
 */
export const mfaMigration: Migration = {
  name: '003-identity-mfa',
  async up(knex) {
    await knex.raw(`
      create table totp_enrolments (
        user_id uuid primary key references users (id),
        sealed_secret text not null,
        status text not null check (status in ('pending', 'enabled')),
        last_used_step bigint,
        created_at timestamptz not null,
        enabled_at timestamptz,
        check ((status = 'enabled') = (enabled_at is not null and last_used_step is not null))
      );
      create table recovery_codes (
        id bigint generated always as identity primary key,
        user_id uuid not null references users (id),
        code_hash bytea not null,
        used_at timestamptz,
        created_at timestamptz not null,
        unique (user_id, code_hash)
      );
      alter table one_time_tokens drop constraint one_time_tokens_purpose_check;
      alter table one_time_tokens add constraint one_time_tokens_purpose_check
        check (purpose in ('email_verification', 'password_reset', 'mfa_login', 'mfa_enrolment'));
    `);
  },
};
