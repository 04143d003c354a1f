import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { DataServiceConfig } from '../config/base-config';
import { ReadinessRegistry } from '../health/readiness-registry';
import { LOGGER, PLATFORM_CONFIG } from '../platform-config';
import type { Migration } from './migration';
import { migrate, openServiceDatabase, schemaFor } from './service-database';

/** DI token of the service's knex instance, bound to its own schema. */
export const KNEX = Symbol('KNEX');

export interface DatabaseOptions {
  migrations?: readonly Migration[];
}

@Injectable()
class DatabaseShutdown implements OnApplicationShutdown {
  constructor(@Inject(KNEX) private readonly db: Knex) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.destroy();
  }
}

export function databaseProviders(options: DatabaseOptions): Provider[] {
  const knexProvider: Provider = {
    provide: KNEX,
    inject: [PLATFORM_CONFIG, ReadinessRegistry, LOGGER],
    useFactory: async (config: DataServiceConfig, readiness: ReadinessRegistry, logger: Logger): Promise<Knex> => {
      const schema = schemaFor(config.SERVICE_NAME);
      const db = openServiceDatabase({ url: config.DATABASE_URL, schema, poolMax: config.DATABASE_POOL_MAX, logger });
      try {
        await migrate(db, { schema, migrations: options.migrations ?? [] });
      } catch (error) {
        await db.destroy();
        throw error;
      }
      readiness.register('database', async () => {
        await db.raw('select 1');
      });
      return db;
    },
  };
  return [knexProvider, DatabaseShutdown];
}
