import type { Knex } from 'knex';
import type { OneTimeToken, OneTimeTokenPurpose } from '../domain/one-time-token';

interface OneTimeTokenRow {
  id: string;
  user_id: string;
  purpose: OneTimeTokenPurpose;
  expires_at: Date;
  used_at: Date | null;
}

export class OneTimeTokensRepository {
  async insert(db: Knex, token: OneTimeToken, tokenHash: Buffer, now: Date): Promise<void> {
    await db('one_time_tokens').insert({
      id: token.id,
      user_id: token.userId,
      purpose: token.purpose,
      token_hash: tokenHash,
      expires_at: token.expiresAt,
      created_at: now,
    });
  }

  /** `forUpdate` (inside a transaction) makes redeeming a token once a rule that holds under concurrency. */
  async byHash(db: Knex, tokenHash: Buffer, options: { forUpdate?: boolean } = {}): Promise<OneTimeToken | undefined> {
    const query = db('one_time_tokens').where({ token_hash: tokenHash }).first<OneTimeTokenRow | undefined>();
    const row = await (options.forUpdate ? query.forUpdate() : query);
    return row && { id: row.id, userId: row.user_id, purpose: row.purpose, expiresAt: row.expires_at, usedAt: row.used_at };
  }

  async markUsed(db: Knex, id: string, now: Date): Promise<void> {
    await db('one_time_tokens').where({ id }).update({ used_at: now });
  }

  /** A new reset link makes the older unused ones worthless. */
  async expireUnused(db: Knex, userId: string, purpose: OneTimeTokenPurpose, now: Date): Promise<void> {
    await db('one_time_tokens').where({ user_id: userId, purpose }).whereNull('used_at').update({ used_at: now });
  }
}
