import type { Migration } from '@marketplace/platform';
import type { Knex } from 'knex';
import { extensionSchema } from './extension-schema';

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
  const schema = await extensionSchema(db, 'pg_trgm');
  if (!schema) throw new Error('pg_trgm is not installed in this database');
  return schema;
}
