import type { Knex } from 'knex';

/** The pg client knex hands out; only `query` is used. */
interface PgConnection {
  query(sql: string, params: unknown[]): Promise<{ rows: { locked: boolean }[] }>;
}

/**
 * Lets one instance of the service run a background pass at a time: a PostgreSQL session advisory lock
 * on `key`, held on a connection of its own for the length of the pass. A session lock (not a
 * transaction) because a pass waits on providers, and an open transaction would hold back every event
 * store reader.
 */
export class SessionLease {
  constructor(
    private readonly db: Knex,
    private readonly key: string,
  ) {}

  /** Runs `work` holding the lease; undefined, without running it, when another holder has it. */
  async exclusively<T>(work: () => Promise<T>): Promise<T | undefined> {
    const connection = (await this.db.client.acquireConnection()) as PgConnection;
    try {
      const { rows } = await connection.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.key]);
      if (!rows[0]?.locked) return undefined;
      try {
        return await work();
      } finally {
        await connection.query('SELECT pg_advisory_unlock(hashtext($1)) AS locked', [this.key]);
      }
    } finally {
      await this.db.client.releaseConnection(connection);
    }
  }
}
