import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A PostgreSQL data directory works only with the server major version that made it. Returns one
 * line saying what to do when `dataDir` was made by another major than `serverMajor`, else nothing.
 */
export async function postgresDataDirProblem(dataDir: string, serverMajor: number): Promise<string | undefined> {
  const text = await readFile(join(dataDir, 'PG_VERSION'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const made = Number.parseInt(text.trim(), 10);
  if (made === serverMajor) return undefined;
  const what = Number.isNaN(made) ? `an unreadable PG_VERSION ("${text.trim()}")` : `PostgreSQL ${made}`;
  return (
    `the data in ${dataDir} was made by ${what}, but this embedded PostgreSQL is ${serverMajor}: ` +
    `move ${dataDir} aside (or delete it) to start afresh, set DATA_DIR to another folder, or set DATABASE_URL to a PostgreSQL ${Number.isNaN(made) ? 'server' : made}`
  );
}
