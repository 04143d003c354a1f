import { Client } from 'pg';

/** Products per statement: about what one 500-event batch of the bench catalog touches (three events each). */
const ROWS_PER_STATEMENT = 167;
const SCRATCH = 'bench_upsert_bound';

export interface UpsertBound {
  variant: string;
  pass: 'insert' | 'update';
  rowsPerSecond: number;
}

/**
 * What bounds how fast search's read model follows its log: the projection's product upsert (the same
 * statement shape: `INSERT ... SELECT FROM jsonb_populate_recordset ... ON CONFLICT (id) DO UPDATE`) timed
 * alone, into an empty copy of search's products table (LIKE ... INCLUDING ALL, so the same generated text
 * vector and indexes), with the rows search projected; once as built (three GIN indexes, fastupdate off)
 * and once without the GIN indexes. Each variant inserts every product, then writes each again. Also
 * how many row versions per product search's projection wrote: a product's stock events come on another
 * topic than its product events, so they often land in another batch and the row is written again.
 */
export async function benchProductUpserts(databaseUrl: string): Promise<{ writesPerProduct: number; bounds: UpsertBound[] }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ row: Record<string, unknown> }>(`SELECT to_jsonb(p) - 'search_vector' - 'rating_avg' AS row FROM search.products p`);
    const documents = rows.map(({ row }) => row);
    // Row versions the projection wrote per product so far (ingestion, plus the few timed updates).
    const { rows: stats } = await client.query<{ written: string }>(
      `SELECT n_tup_ins + n_tup_upd AS written FROM pg_stat_user_tables WHERE schemaname = 'search' AND relname = 'products'`,
    );
    const writesPerProduct = Number(stats[0]?.written ?? 0) / documents.length;
    const results: UpsertBound[] = [];
    for (const variant of ['as built: three GIN indexes, fastupdate off', 'without the GIN indexes']) {
      const columns = await scratchTable(client, variant.startsWith('without'));
      for (const pass of ['insert', 'update'] as const) {
        const started = process.hrtime.bigint();
        for (let i = 0; i < documents.length; i += ROWS_PER_STATEMENT) {
          await client.query(
            `INSERT INTO ${SCRATCH}.products (${columns.join(', ')})
             SELECT ${columns.join(', ')} FROM jsonb_populate_recordset(NULL::${SCRATCH}.products, $1::jsonb)
             ON CONFLICT (id) DO UPDATE SET ${columns.filter((c) => c !== 'id').map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
            [JSON.stringify(documents.slice(i, i + ROWS_PER_STATEMENT))],
          );
        }
        results.push({ variant, pass, rowsPerSecond: documents.length / (Number(process.hrtime.bigint() - started) / 1e9) });
      }
    }
    return { writesPerProduct, bounds: results };
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE`).catch(() => undefined);
    await client.end();
  }
}

/** A fresh, empty copy of search's products table; returns the columns an upsert writes (not the generated ones). */
async function scratchTable(client: Client, withoutGin: boolean): Promise<string[]> {
  await client.query(`DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE; CREATE SCHEMA ${SCRATCH}`);
  await client.query(`CREATE TABLE ${SCRATCH}.products (LIKE search.products INCLUDING ALL)`);
  if (withoutGin) {
    const { rows } = await client.query<{ name: string }>(
      `SELECT quote_ident(i.relname) AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am a ON a.oid = i.relam
        WHERE x.indrelid = '${SCRATCH}.products'::regclass AND a.amname = 'gin'`,
    );
    for (const { name } of rows) await client.query(`DROP INDEX ${SCRATCH}.${name}`);
  }
  const { rows } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
      WHERE attrelid = '${SCRATCH}.products'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
  );
  return rows.map(({ name }) => name);
}
