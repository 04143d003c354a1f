import type { Knex } from 'knex';

/** The pg client knex hands out; only `query` is used. */
interface PgConnection {
  query(sql: string, params: unknown[]): Promise<{ rows: { locked: boolean }[] }>;
}

/** Namespace of the two-key advisory locks, so they never meet other single-key locks in the database. */
export const LOCK_SPACE = 'marketplace.projections';

/**
 * A PostgreSQL session advisory lock, held on a connection taken out of the knex pool for as long as
 * the lock lives. If that connection dies the lock goes with it; the row lock on the checkpoint keeps
 * writes exclusive even then.
 */
export class AdvisoryLock {
  private constructor(
    private readonly knex: Knex,
    private readonly connection: PgConnection,
    private readonly key: string,
  ) {}

  static async tryAcquire(knex: Knex, key: string): Promise<AdvisoryLock | undefined> {
    const connection = (await knex.client.acquireConnection()) as PgConnection;
    try {
      const { rows } = await connection.query('SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked', [LOCK_SPACE, key]);
      if (rows[0]?.locked) return new AdvisoryLock(knex, connection, key);
    } catch (error) {
      await knex.client.releaseConnection(connection);
      throw error;
    }
    await knex.client.releaseConnection(connection);
    return undefined;
  }

  async release(): Promise<void> {
    try {
      await this.connection.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2)) AS locked', [LOCK_SPACE, this.key]);
    } finally {
      await this.knex.client.releaseConnection(this.connection);
    }
  }
}
