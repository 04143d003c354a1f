import knex, { type Knex } from 'knex';
import type { Logger } from 'pino';
import { MigrationList, type Migration } from './migration';

export interface ServiceDatabaseOptions {
  url: string;
  /** The service's own schema; it never reads another's. */
  schema: string;
  poolMax: number;
  /** Where knex's own warnings go (it writes to the console otherwise). */
  logger?: Logger;
}

/** The PostgreSQL schema a service owns: `catalog` for SERVICE_NAME=catalog, `foo_bar` for foo-bar. */
export function schemaFor(serviceName: string): string {
  return serviceName.replace(/-/g, '_');
}

/** Opens the service's pool with its schema first on the search path. */
export function openServiceDatabase(options: ServiceDatabaseOptions): Knex {
  return knex({
    client: 'pg',
    connection: options.url,
    searchPath: [options.schema],
    pool: { min: 0, max: options.poolMax },
    log: options.logger && knexLog(options.logger.child({ component: 'knex' })),
  });
}

function knexLog(logger: Logger): Knex.Logger {
  const write = (level: 'warn' | 'error' | 'debug') => (message: unknown) =>
    message instanceof Error ? logger[level]({ err: message }, message.message) : logger[level](String(message));
  return { warn: write('warn'), error: write('error'), deprecate: write('warn'), debug: write('debug') };
}

/** Creates the service's schema if missing and applies its pending migrations (under knex's migration lock). */
export async function migrate(db: Knex, options: { schema: string; migrations: readonly Migration[] }): Promise<void> {
  await db.raw('CREATE SCHEMA IF NOT EXISTS ??', [options.schema]);
  await db.migrate.latest({
    schemaName: options.schema,
    tableName: 'knex_migrations',
    migrationSource: new MigrationList(options.migrations),
  });
}
