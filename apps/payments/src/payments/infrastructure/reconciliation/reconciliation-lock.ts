import { KNEX, PLATFORM_CONFIG, type DataServiceConfig, schemaFor } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';

/** The pg client knex hands out; only `query` is used. */
interface PgConnection {
  query(sql: string, params: unknown[]): Promise<{ rows: { locked: boolean }[] }>;
}

/**
 * Lets one instance of the service reconcile at a time: a PostgreSQL session advisory lock, held on a
 * connection of its own for the length of a pass. A session lock (not a transaction) because a pass
 * waits on the provider, and an open transaction would hold back every event store reader.
 */
@Injectable()
export class ReconciliationLock {
  private readonly key: string;

  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(PLATFORM_CONFIG) config: DataServiceConfig,
  ) {
    this.key = `payments-reconciliation:${schemaFor(config.SERVICE_NAME)}`;
  }

  /** Runs `work` holding the lock; undefined, without running it, when another instance holds it. */
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
