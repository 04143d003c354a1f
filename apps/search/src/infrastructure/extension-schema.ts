import type { Knex } from 'knex';

/** The quoted schema an extension lives in, undefined when it is not installed in this database. */
export async function extensionSchema(db: Knex, name: string): Promise<string | undefined> {
  const { rows } = await db.raw<{ rows: { schema: string }[] }>(
    `SELECT quote_ident(n.nspname) AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = ?`,
    [name],
  );
  return rows[0]?.schema;
}
