import type { Pool, PoolClient } from 'pg';

/** Runs `fn` in one transaction on one pooled connection: committed if it resolves, rolled back if it throws. */
export async function withTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Runs idempotent DDL (`CREATE ... IF NOT EXISTS`) under a transaction-scoped advisory lock named by
 * `lockName`: several processes start at once on one database, and IF NOT EXISTS alone races on the catalog.
 */
export function migrateUnderLock(pool: Pool, lockName: string, ddl: string): Promise<void> {
  return withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockName]);
    await client.query(ddl);
  });
}
