import type { Knex } from 'knex';
import type { PendingOidcSignIn } from '../domain/oidc-pending-sign-in';

interface PendingRow {
  provider: string;
  redirect_uri: string;
  nonce: string;
  code_verifier: string;
  expires_at: Date;
  used_at: Date | null;
}

export class OidcSignInsRepository {
  /** Adds the sign-in and forgets those expired for a day (kept that long only to answer a late callback clearly). */
  async insert(db: Knex, pending: PendingOidcSignIn, stateHash: Buffer, now: Date): Promise<void> {
    await db('oidc_sign_ins').where('expires_at', '<', new Date(now.getTime() - 24 * 60 * 60 * 1000)).delete();
    await db('oidc_sign_ins').insert({
      state_hash: stateHash,
      provider: pending.provider,
      redirect_uri: pending.redirectUri,
      nonce: pending.nonce,
      code_verifier: pending.codeVerifier,
      expires_at: pending.expiresAt,
      created_at: now,
    });
  }

  /** Under a row lock (inside a transaction), so that one state finishes one sign-in even when callbacks race. */
  async byStateHashForUpdate(db: Knex, stateHash: Buffer): Promise<PendingOidcSignIn | undefined> {
    const row = await db('oidc_sign_ins').where({ state_hash: stateHash }).first<PendingRow | undefined>().forUpdate();
    return (
      row && { provider: row.provider, redirectUri: row.redirect_uri, nonce: row.nonce, codeVerifier: row.code_verifier, expiresAt: row.expires_at, usedAt: row.used_at }
    );
  }

  async markUsed(db: Knex, stateHash: Buffer, now: Date): Promise<void> {
    await db('oidc_sign_ins').where({ state_hash: stateHash }).update({ used_at: now });
  }
}
