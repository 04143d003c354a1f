import { PLATFORM_CONFIG } from '@marketplace/platform';
import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { Pool } from 'pg';
import type { OpsConnection } from '../ops-context';
import type { OpsServerConfig } from './ops-server-config';

/** DI token of the OpsConnection the CLI's operations run on: the marketplace's database and bus. */
export const OPS_CONNECTION = Symbol('OPS_CONNECTION');

@Injectable()
class OpsConnectionShutdown implements OnApplicationShutdown {
  constructor(@Inject(OPS_CONNECTION) private readonly connection: OpsConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.pool.end();
  }
}

/** A pool over every service schema (read as the CLI reads them), named so that a refused rebuild names this server. */
export const opsConnectionProviders: Provider[] = [
  {
    provide: OPS_CONNECTION,
    inject: [PLATFORM_CONFIG],
    useFactory: (config: OpsServerConfig): OpsConnection => {
      const pool = new Pool({ connectionString: config.DATABASE_URL, max: 4, application_name: `marketplace-ops-server pid ${process.pid}` });
      // An idle connection dropped by the server must not end the process; the next query reports it.
      pool.on('error', () => undefined);
      return {
        pool,
        databaseUrl: config.DATABASE_URL,
        ...(config.KAFKA_BROKERS && { kafkaBrokers: config.KAFKA_BROKERS }),
        ...(config.KAFKA_TOPIC_PREFIX && { kafkaTopicPrefix: config.KAFKA_TOPIC_PREFIX }),
      };
    },
  },
  OpsConnectionShutdown,
];
