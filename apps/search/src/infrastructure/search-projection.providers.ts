import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { type EventStore, PostgresEventStore } from '@marketplace/event-store';
import { KNEX, LOGGER, metricsRegistry, PLATFORM_CONFIG, schemaFor } from '@marketplace/platform';
import { ProjectionEngine } from '@marketplace/projections';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { SearchConfig } from '../search-config';
import { searchProductsProjection } from './projection/search-products.projection';
import { SEARCH_EVENT_STORE } from './search-event-log';
import { TRIGRAM_SCHEMA, trigramSchema } from './trigram-extension';

/** Starts the projection once the app is up, and stops it and closes the store on shutdown. */
@Injectable()
class SearchProjectionLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly engine: ProjectionEngine,
    @Inject(SEARCH_EVENT_STORE) private readonly store: EventStore,
  ) {}

  onApplicationBootstrap(): void {
    this.engine.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.engine.stop();
    await this.store.close();
  }
}

export const searchProjectionProviders: Provider[] = [
  {
    provide: SEARCH_EVENT_STORE,
    // After KNEX: the service's migrations create the schema, which concurrent CREATE SCHEMAs would race on.
    inject: [PLATFORM_CONFIG, KNEX],
    useFactory: async (config: SearchConfig): Promise<EventStore> => {
      const store = new PostgresEventStore({ connectionString: config.DATABASE_URL, schema: schemaFor(config.SERVICE_NAME) });
      await store.migrate();
      return store;
    },
  },
  { provide: TRIGRAM_SCHEMA, inject: [KNEX], useFactory: trigramSchema },
  {
    provide: ProjectionEngine,
    inject: [KNEX, SEARCH_EVENT_STORE, TRIGRAM_SCHEMA, PLATFORM_CONFIG, LOGGER],
    useFactory: async (knex: Knex, eventStore: EventStore, trigram: string, config: SearchConfig, logger: Logger) => {
      const engine = new ProjectionEngine({
        knex,
        eventStore,
        schema: schemaFor(config.SERVICE_NAME),
        projections: [searchProductsProjection({ trigramSchema: trigram })],
        registry: metricsRegistry,
        logger: logger.child({ component: 'projections' }),
      });
      await engine.migrate();
      return engine;
    },
  },
  SearchProjectionLifecycle,
];
