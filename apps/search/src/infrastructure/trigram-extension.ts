import type { Migration } from '@marketplace/platform';
import type { Knex } from 'knex';

/** DI token: the quoted schema pg_trgm lives in (its functions and operators are not on search's search_path). */
export const TRIGRAM_SCHEMA = Symbol('TRIGRAM_SCHEMA');

/** pg_trgm gives typo tolerance; it is per database, so another service may have created it already. */
export const trigramMigration: Migration = {
  name: '001-pg-trgm',
  up: async (knex) => {
    await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
  },
};

export async function trigramSchema(db: Knex): Promise<string> {
  const { rows } = await db.raw<{ rows: { schema: string }[] }>(
    `SELECT quote_ident(n.nspname) AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
  );
  if (rows.length === 0) throw new Error('pg_trgm is not installed in this database');
  return rows[0].schema;
}
