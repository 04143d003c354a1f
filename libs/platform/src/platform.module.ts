import { type DynamicModule, Global, Inject, Injectable, Module, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { CLOCK, ID_GENERATOR, randomIds, systemClock } from '@marketplace/kernel';
import type { Logger } from 'pino';
import { busProviders, MESSAGE_BUS } from './bus/bus.providers';
import { databaseProviders, KNEX, type DatabaseOptions } from './database/database.providers';
import { HealthController } from './health/health.controller';
import { ReadinessRegistry } from './health/readiness-registry';
import { LOGGER, PLATFORM_CONFIG } from './platform-config';
import { stopTelemetry } from './telemetry/start-telemetry';

export interface PlatformOptions {
  /** The service owns a PostgreSQL schema (named after SERVICE_NAME) with these migrations. */
  database?: DatabaseOptions;
  /** The service talks over the message bus. Requires `database` for the embedded bus. */
  bus?: boolean;
}

/** The configuration and logger, given to the app by bootstrap before any module is built. */
@Global()
@Module({})
export class PlatformContextModule {
  static of(config: object, logger: Logger): DynamicModule {
    return {
      module: PlatformContextModule,
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
      ],
      exports: [PLATFORM_CONFIG, LOGGER],
    };
  }
}

@Injectable()
class TelemetryShutdown implements OnApplicationShutdown {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.logger.info({ signal }, 'stopped');
    await stopTelemetry();
  }
}

/**
 * What every service shares: /health, /ready, /metrics, the readiness registry, and (as asked) its
 * database schema and message bus. Global, so that feature modules inject KNEX, MESSAGE_BUS, LOGGER,
 * PLATFORM_CONFIG, ReadinessRegistry, CLOCK and ID_GENERATOR without importing it.
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions = {}): DynamicModule {
    const providers: Provider[] = [
      ReadinessRegistry,
      TelemetryShutdown,
      { provide: CLOCK, useValue: systemClock },
      { provide: ID_GENERATOR, useValue: randomIds },
    ];
    const exports: (symbol | typeof ReadinessRegistry)[] = [ReadinessRegistry, CLOCK, ID_GENERATOR];
    if (options.database) {
      providers.push(...databaseProviders(options.database));
      exports.push(KNEX);
    }
    if (options.bus) {
      providers.push(...busProviders());
      exports.push(MESSAGE_BUS);
    }
    return {
      module: PlatformModule,
      global: true,
      controllers: [HealthController],
      providers,
      exports,
    };
  }
}
