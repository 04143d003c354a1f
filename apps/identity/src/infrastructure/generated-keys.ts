import type { Knex } from 'knex';

/**
 * Keys made in development mode, kept in the identity schema so that a restart reuses them. The first
 * process to store a key wins; the others read it back, so concurrent starts agree.
 */
export async function generatedKey<T>(db: Knex, name: string, generate: () => Promise<T>): Promise<T> {
  const existing = await db('generated_keys').where({ name }).first<{ value: T } | undefined>('value');
  if (existing) return existing.value;
  await db('generated_keys').insert({ name, value: JSON.stringify(await generate()) }).onConflict('name').ignore();
  const stored = await db('generated_keys').where({ name }).first<{ value: T }>('value');
  return stored.value;
}
