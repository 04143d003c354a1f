import type { MarketplaceEvent } from '@marketplace/contracts';
import type { EventStore } from '@marketplace/event-store';
import { startMessaging } from '@marketplace/messaging';
import { createLogger, createServiceApp, EVENT_STORE, KNEX, parseConfig, type ServiceApp } from '@marketplace/platform';
import { ProjectionEngine } from '@marketplace/projections';
import { createTestDatabase, type TestDatabase, waitFor } from '@marketplace/testing';
import type { Knex } from 'knex';
import { AppModule } from '../src/app.module';
import type { RecommendationsOptions } from '../src/recommendations/recommendations.module';
import { SEARCH_PROJECTION } from '../src/infrastructure/projection/search-products.projection';
import { recordCatalogEvent } from '../src/infrastructure/search-event-log';
import { searchConfigSchema } from '../src/search-config';

export interface SearchTestApp {
  service: ServiceApp;
  database: TestDatabase;
  db: Knex;
  store: EventStore;
  engine: ProjectionEngine;
  /** Appends events to search's log as its handlers would, then waits until the projection has them. */
  record(events: MarketplaceEvent[]): Promise<void>;
  /** Resolves once the projection's checkpoint reached the head of search's log. */
  caughtUp(timeoutMs?: number): Promise<void>;
  get(url: string): Promise<{ status: number; body: SearchBody }>;
  close(): Promise<void>;
}

export interface SearchBody {
  items: { id: string; title: string; price: { amount: number }; available: number; categoryPath: { id: string; name: string }[]; rating: { average: number; count: number } }[];
  facets: { categories: { id: string; name: string; count: number }[]; priceBands: { key: string; min: number; max: number | null; count: number }[] };
  nextCursor: string | null;
  error?: { code: string; details: { field: string }[] };
}

export interface SearchTestOptions {
  /** Another PostgreSQL server than the tests' (e.g. the one with pgvector). */
  postgresUrl?: string;
  recommendations?: RecommendationsOptions;
}

/** Search on a fresh database of the test PostgreSQL, consuming from the embedded bus there unless `env` names Kafka. */
export async function startSearch(env: Record<string, string> = {}, options: SearchTestOptions = {}): Promise<SearchTestApp> {
  const database = await createTestDatabase('search', options.postgresUrl);
  const config = parseConfig(searchConfigSchema, {
    SERVICE_NAME: 'search',
    PORT: '0',
    DATABASE_URL: database.url,
    // Never called: search's only route is public; the guard is wired as in every service.
    IDENTITY_URL: 'http://127.0.0.1:9',
    ...env,
  });
  const service = await createServiceApp(AppModule.forRoot({ recommendations: options.recommendations }), config, createLogger({ service: 'search', level: 'silent' }));
  await startMessaging(service.app);
  const store = service.app.get<EventStore>(EVENT_STORE);
  const engine = service.app.get(ProjectionEngine);
  const caughtUp = async (timeoutMs = 60_000) => {
    await waitFor(async () => {
      const [status] = await engine.status([SEARCH_PROJECTION]);
      return status.lag === 0;
    }, { timeoutMs, description: 'the search projection to reach the head of the log' });
  };
  return {
    service,
    database,
    db: service.app.get<Knex>(KNEX),
    store,
    engine,
    record: async (events) => {
      for (const event of events) await recordCatalogEvent(store, event);
      await caughtUp();
    },
    caughtUp,
    get: async (url) => {
      const response = await service.app.inject({ method: 'GET', url });
      return { status: response.statusCode, body: response.json() as SearchBody };
    },
    close: async () => {
      await service.app.close();
      await database.drop();
    },
  };
}
