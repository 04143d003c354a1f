import type { Migration } from '@marketplace/platform';

/**
 * Sign-in through OpenID Connect providers: accounts may have no password; the identities linked to
 * each account (one per provider); and the sign-ins under way, keyed by the SHA-256 of their state,
 * holding what the callback must check (nonce, PKCE verifier, redirect URI) until used or expired.
 */
export const oidcMigration: Migration = {
  name: '004-identity-oidc',
  async up(knex) {
    await knex.raw(`
      alter table users alter column password_hash drop not null;
      create table oidc_identities (
        provider text not null,
        subject text not null,
        user_id uuid not null references users (id),
        email text,
        linked_at timestamptz not null,
        primary key (provider, subject),
        unique (user_id, provider)
      );
      create table oidc_sign_ins (
        state_hash bytea primary key,
        provider text not null,
        redirect_uri text not null,
        nonce text not null,
        code_verifier text not null,
        expires_at timestamptz not null,
        used_at timestamptz,
        created_at timestamptz not null
      );
      create index oidc_sign_ins_by_age on oidc_sign_ins (expires_at);
    `);
  },
};
