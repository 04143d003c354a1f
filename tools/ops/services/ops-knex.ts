import knexFactory, { type Knex } from 'knex';

/**
 * A knex over the marketplace's database for the projections library (which runs on knex), closed
 * when `work` ends. A rebuild holds one connection for its lock and one for its transaction.
 */
export async function withKnex<T>(databaseUrl: string, work: (knex: Knex) => Promise<T>): Promise<T> {
  const knex = knexFactory({ client: 'pg', connection: { connectionString: databaseUrl, application_name: 'marketplace-ops' }, pool: { min: 0, max: 4 } });
  try {
    return await work(knex);
  } finally {
    await knex.destroy();
  }
}
