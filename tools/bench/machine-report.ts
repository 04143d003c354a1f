import { availableParallelism, totalmem } from 'node:os';
import { Client } from 'pg';

/** The PostgreSQL settings that move write and read figures most. */
const SETTINGS = ['server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'wal_level', 'max_connections'];

/** One line on the machine and one on the server, printed above every run's figures so runs compare. */
export async function machineReport(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // current_setting gives each value with its unit, as postgresql.conf would write it (shared_buffers=128MB).
    const { rows } = await client.query<{ name: string; setting: string }>('SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name', [SETTINGS]);
    const settings = rows.map((row) => `${row.name}=${row.setting}`);
    return [
      `machine: ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      `PostgreSQL: ${settings.join(', ')}`,
    ];
  } finally {
    await client.end();
  }
}
