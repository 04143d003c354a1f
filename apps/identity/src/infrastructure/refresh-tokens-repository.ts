import type { Knex } from 'knex';
import type { RefreshToken } from '../domain/refresh-token';

interface RefreshTokenRow {
  id: string;
  family_id: string;
  user_id: string;
  expires_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
}

export class RefreshTokensRepository {
  async insert(db: Knex, token: RefreshToken, tokenHash: Buffer, now: Date): Promise<void> {
    await db('refresh_tokens').insert({
      id: token.id,
      family_id: token.familyId,
      user_id: token.userId,
      token_hash: tokenHash,
      expires_at: token.expiresAt,
      created_at: now,
    });
  }

  /** Locks the row, so that two refreshes with one token cannot both rotate it. */
  async byHashForUpdate(db: Knex, tokenHash: Buffer): Promise<RefreshToken | undefined> {
    const row = await db('refresh_tokens').where({ token_hash: tokenHash }).forUpdate().first<RefreshTokenRow | undefined>();
    return row && { id: row.id, familyId: row.family_id, userId: row.user_id, expiresAt: row.expires_at, rotatedAt: row.rotated_at, revokedAt: row.revoked_at };
  }

  async markRotated(db: Knex, id: string, now: Date): Promise<void> {
    await db('refresh_tokens').where({ id }).update({ rotated_at: now });
  }

  async revokeFamily(db: Knex, familyId: string, now: Date): Promise<void> {
    await db('refresh_tokens').where({ family_id: familyId }).whereNull('revoked_at').update({ revoked_at: now });
  }

  async revokeAllOfUser(db: Knex, userId: string, now: Date): Promise<void> {
    await db('refresh_tokens').where({ user_id: userId }).whereNull('revoked_at').update({ revoked_at: now });
  }
}
