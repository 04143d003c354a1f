import { createTestDatabase } from '@marketplace/testing';
import knex, { type Knex } from 'knex';

export interface BenchDatabase {
  url: string;
  /** A small pool for the benchmark's own reads (the services have theirs). */
  db: Knex;
  /** Closes the pool and drops the database. */
  close(): Promise<void>;
}

/** A fresh database for one run of a benchmark that starts the services on it. */
export async function openBenchDatabase(label: string): Promise<BenchDatabase> {
  const database = await createTestDatabase(label);
  const db = knex({ client: 'pg', connection: database.url, pool: { min: 0, max: 2 } });
  return {
    url: database.url,
    db,
    async close() {
      await db.destroy();
      await database.drop();
    },
  };
}
