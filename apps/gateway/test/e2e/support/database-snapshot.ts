import { Client } from 'pg';

/** Every table of a database (schema.table -> row count and a checksum of its rows), to prove a request changed nothing. */
export type DatabaseSnapshot = Record<string, { rows: number; checksum: string }>;

export async function snapshotDatabase(databaseUrl: string, schemas: string[]): Promise<DatabaseSnapshot> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ schema: string; name: string }>(
      `select table_schema as schema, table_name as name from information_schema.tables
        where table_schema = any($1) and table_type = 'BASE TABLE' order by 1, 2`,
      [schemas],
    );
    const snapshot: DatabaseSnapshot = {};
    for (const { schema, name } of tables.rows) {
      const table = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(name)}`;
      const { rows } = await client.query<{ rows: string; checksum: string | null }>(
        `select count(*) as rows, md5(string_agg(t::text, '|' order by t::text)) as checksum from ${table} t`,
      );
      snapshot[`${schema}.${name}`] = { rows: Number(rows[0].rows), checksum: rows[0].checksum ?? '' };
    }
    return snapshot;
  } finally {
    await client.end();
  }
}

/** The schemas of a database other than PostgreSQL's own. */
export async function userSchemas(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `select schema_name as name from information_schema.schemata
        where schema_name not in ('pg_catalog', 'information_schema', 'pg_toast') and schema_name not like 'pg_temp%' and schema_name not like 'pg_toast_temp%'
        order by 1`,
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}
