import { type EventStore, PostgresEventStore } from '@marketplace/event-store';
import { EventStoreRelay, type MessageBus } from '@marketplace/messaging';
import { type ProjectionDefinition, ProjectionEngine } from '@marketplace/projections';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { MESSAGE_BUS } from '../bus/bus.providers';
import type { DataServiceConfig } from '../config/base-config';
import { KNEX } from '../database/database.providers';
import { schemaFor } from '../database/service-database';
import { metricsRegistry } from '../health/metrics';
import { LOGGER, PLATFORM_CONFIG } from '../platform-config';
import type { EventSourcingOptions } from './event-sourcing-options';
import { EVENT_STORE_RELAY, EventSourcingLifecycle } from './event-sourcing.lifecycle';
import { EVENT_STORE } from './event-sourcing.tokens';

/**
 * A service whose records are event streams: its PostgreSQL event store (in its own schema, migrated at
 * start), the relay that publishes its events (when asked), and its projections. Global, so that feature
 * modules inject EVENT_STORE and ProjectionEngine. Needs PlatformModule with a database and the bus.
 */
@Module({})
export class EventSourcingModule {
  static forRoot(options: EventSourcingOptions = {}): DynamicModule {
    const providers: Provider[] = [
      {
        provide: EVENT_STORE,
        // After KNEX: the service's migrations create the schema, which concurrent CREATE SCHEMAs would race on.
        inject: [PLATFORM_CONFIG, KNEX],
        useFactory: async (config: DataServiceConfig): Promise<EventStore> => {
          const store = new PostgresEventStore({ connectionString: config.DATABASE_URL, schema: schemaFor(config.SERVICE_NAME) });
          await store.migrate();
          return store;
        },
      },
      {
        provide: PROJECTION_DEFINITIONS,
        inject: options.projections?.inject ?? [],
        useFactory: (...injected: never[]) => options.projections?.useFactory(...injected) ?? [],
      },
      {
        provide: ProjectionEngine,
        inject: [KNEX, EVENT_STORE, PROJECTION_DEFINITIONS, PLATFORM_CONFIG, LOGGER],
        useFactory: async (knex: Knex, eventStore: EventStore, projections: readonly ProjectionDefinition[], config: DataServiceConfig, logger: Logger) => {
          const engine = new ProjectionEngine({
            knex,
            eventStore,
            schema: schemaFor(config.SERVICE_NAME),
            projections,
            registry: metricsRegistry,
            logger: logger.child({ component: 'projections' }),
          });
          await engine.migrate();
          return engine;
        },
      },
      EventSourcingLifecycle,
    ];
    if (options.publish) providers.push(relayProvider(options.publish));
    return { module: EventSourcingModule, global: true, providers, exports: [EVENT_STORE, ProjectionEngine] };
  }
}

const PROJECTION_DEFINITIONS = Symbol('PROJECTION_DEFINITIONS');

function relayProvider(publish: NonNullable<EventSourcingOptions['publish']>): Provider {
  return {
    provide: EVENT_STORE_RELAY,
    inject: [PLATFORM_CONFIG, KNEX, EVENT_STORE, MESSAGE_BUS, LOGGER],
    useFactory: async (config: DataServiceConfig, knex: Knex, store: EventStore, bus: MessageBus, logger: Logger) => {
      const log = logger.child({ component: 'event-store-relay' });
      const producer = await bus.producer();
      const relay = new EventStoreRelay({
        name: config.SERVICE_NAME,
        databaseUrl: config.DATABASE_URL,
        schema: schemaFor(config.SERVICE_NAME),
        store,
        producer,
        source: publish.source,
        map: publish.map,
        filter: publish.streamPrefixes && { streamPrefixes: publish.streamPrefixes },
        logger: (level, message, fields) => log[level](fields ?? {}, message),
      });
      await relay.migrate(knex);
      return { relay, close: () => producer.close() };
    },
  };
}
