import type { Knex } from 'knex';

/** Recovery codes as SHA-256 of their normalised form; each is marked used once. */
export class RecoveryCodesRepository {
  /** Replaces the user's codes: a new set voids the old one. */
  async replace(db: Knex, userId: string, codeHashes: Buffer[], now: Date): Promise<void> {
    await this.deleteAll(db, userId);
    await db('recovery_codes').insert(codeHashes.map((code_hash) => ({ user_id: userId, code_hash, created_at: now })));
  }

  /** Marks the code used; false when the user has no such unused code (the update is the check, so a race uses it once). */
  async use(db: Knex, userId: string, codeHash: Buffer, now: Date): Promise<boolean> {
    const used = await db('recovery_codes').where({ user_id: userId, code_hash: codeHash }).whereNull('used_at').update({ used_at: now });
    return used === 1;
  }

  async deleteAll(db: Knex, userId: string): Promise<void> {
    await db('recovery_codes').where({ user_id: userId }).delete();
  }
}
